package dev.certreg.cli.output;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One section of an AWS CLI table ({@code awscli.table.Section}): a title, optional column headers and rows, the
 * nesting level, and each column's widest cell. Not thread-safe.
 */
final class TableSection {
    private final String title;
    private final int indentLevel;
    private List<String> headers = List.of();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<Integer> maxWidths = new ArrayList<>();
    private int columns = -1;

    TableSection(String title, int indentLevel) {
        this.title = title;
        this.indentLevel = indentLevel;
    }

    String title() {
        return title;
    }

    int indentLevel() {
        return indentLevel;
    }

    List<String> headers() {
        return headers;
    }

    List<List<String>> rows() {
        return rows;
    }

    void addHeaders(List<String> headers) {
        updateMaxWidths(headers);
        if (columns < 0) {
            columns = headers.size();
        }
        this.headers = List.copyOf(headers);
    }

    void addRow(List<String> row) {
        if (columns < 0) {
            columns = row.size();
        }
        if (row.size() != columns) {
            throw new IllegalArgumentException("Row should have " + columns + " elements, not " + row.size());
        }
        rows.add(List.copyOf(row));
        updateMaxWidths(row);
    }

    private void updateMaxWidths(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            int width = MultiTable.width(cells.get(i));
            if (i < maxWidths.size()) {
                maxWidths.set(i, Math.max(maxWidths.get(i), width));
            } else {
                maxWidths.add(width);
            }
        }
    }

    /** The widest cell of each column plus {@code padding}. */
    List<Integer> columnWidths(int padding) {
        return maxWidths.stream().map(width -> width + padding).toList();
    }

    /** The column widths scaled to add up to {@code total}, as the CLI scales them (Python's half-even round). */
    List<Integer> columnWidths(int padding, int total) {
        List<Integer> unscaled = columnWidths(padding);
        if (unscaled.isEmpty()) {
            return unscaled;
        }
        double scale = total / (double) unscaled.stream().mapToInt(Integer::intValue).sum();
        int[] scaled = unscaled.stream().mapToInt(width -> (int) Math.rint(scale * width)).toArray();
        int offBy = Arrays.stream(scaled).sum() - total;
        while (offBy != 0) {
            offBy = adjust(scaled, offBy);
        }
        return Arrays.stream(scaled).boxed().toList();
    }

    /** One pass of the CLI's correction: shrink from the left when too wide, grow from the right when too narrow. */
    private static int adjust(int[] scaled, int offBy) {
        boolean shrink = offBy > 0;
        for (int step = 0; step < scaled.length && offBy != 0; step++) {
            int i = shrink ? step : scaled.length - 1 - step;
            scaled[i] += shrink ? -1 : 1;
            offBy += shrink ? -1 : 1;
        }
        return offBy;
    }

    /** The width this section needs, borders and nesting bars included. */
    int totalWidth() {
        int columnsWidth = columnWidths(0).stream().mapToInt(width -> width + 4).sum();
        int withBorders = columnsWidth + 2 + 2 * indentLevel;
        return Math.max(MultiTable.width(title) + 2 + 2 * indentLevel, withBorders);
    }

    /** A single-row section turned on its side: one {@code header | value} row per column. */
    TableSection vertical() {
        if (rows.size() != 1 || headers.isEmpty()) {
            return this;
        }
        TableSection turned = new TableSection(title, indentLevel);
        for (int i = 0; i < headers.size(); i++) {
            turned.addRow(List.of(headers.get(i), rows.get(0).get(i)));
        }
        return turned;
    }
}
