package dev.certreg.cli.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The AWS CLI's table renderer ({@code awscli.table.MultiTable}, without colours): sections drawn one under another
 * at the width of the widest, nested sections framed by one more {@code |} on each side. When the table is wider than
 * the terminal, single-row sections are turned on their side first, as the CLI does. Not thread-safe.
 */
final class MultiTable {
    /** The width the CLI assumes when its output is not a terminal. */
    static final int TERMINAL_WIDTH = 80;

    private final List<TableSection> sections = new ArrayList<>();

    void newSection(String title, int indentLevel) {
        sections.add(new TableSection(title, indentLevel));
    }

    TableSection current() {
        return sections.get(sections.size() - 1);
    }

    String render() {
        int maxWidth = maxWidth();
        if (maxWidth > TERMINAL_WIDTH) {
            sections.replaceAll(TableSection::vertical);
            maxWidth = maxWidth();
        }
        StringBuilder out = new StringBuilder("-".repeat(maxWidth)).append('\n');
        for (TableSection section : sections) {
            renderSection(out, section, maxWidth - 2 * section.indentLevel());
        }
        return out.toString();
    }

    private int maxWidth() {
        return sections.stream().mapToInt(TableSection::totalWidth).max().orElse(0);
    }

    private static void renderSection(StringBuilder out, TableSection section, int width) {
        String bars = "|".repeat(section.indentLevel());
        List<String> lines = new ArrayList<>();
        if (!section.title().isEmpty()) {
            lines.add(center("|", section.title(), width));
            if (section.headers().isEmpty() && section.rows().isEmpty()) {
                lines.add("+" + "-".repeat(width - 2) + "+");
            }
        }
        if (!section.headers().isEmpty()) {
            List<Integer> widths = section.columnWidths(4, width);
            lines.add(lineBreak(widths));
            lines.add(cells(section.headers(), widths, true));
        }
        if (!section.rows().isEmpty()) {
            List<Integer> widths = section.columnWidths(4, width);
            lines.add(lineBreak(widths));
            section.rows().forEach(row -> lines.add(cells(row, widths, false)));
            lines.add(lineBreak(widths));
        }
        lines.forEach(line -> out.append(bars).append(line).append(bars).append('\n'));
    }

    private static String cells(List<String> cells, List<Integer> widths, boolean centered) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String leftEdge = i == 0 ? "|" : "";
            line.append(centered ? center(leftEdge, cells.get(i), widths.get(i)) : left(leftEdge, cells.get(i),
                    widths.get(i)));
        }
        return line.toString();
    }

    private static String lineBreak(List<Integer> widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < widths.size(); i++) {
            line.append(i == 0 ? "+" + "-".repeat(widths.get(i) - 2) + "+" : "-".repeat(widths.get(i) - 1) + "+");
        }
        return line.toString();
    }

    /** {@code awscli.table.center_text} with a right edge of {@code |}. */
    private static String center(String leftEdge, String text, int length) {
        int textLength = width(text);
        int start = Math.floorDiv(length, 2) - Math.floorDiv(textLength, 2) - 1;
        String head = leftEdge + spaces(start) + text;
        int soFar = width(leftEdge) + start + textLength;
        return head + spaces(length - 1 - soFar) + "|";
    }

    /** {@code awscli.table.align_left}: two spaces of padding when they fit. */
    private static String left(String leftEdge, String text, int length) {
        int textLength = width(text);
        int padding = length - (textLength + 2 + leftEdge.length() + 1) >= 0 ? 2 : 0;
        int soFar = leftEdge.length() + padding + textLength;
        return leftEdge + spaces(padding) + text + spaces(length - soFar - 1) + "|";
    }

    private static String spaces(int count) {
        return " ".repeat(Math.max(0, count));
    }

    /** The text's width in characters. The CLI counts East Asian wide characters twice; this does not. */
    static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
