package dev.certreg.cli.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Lays a document out as the AWS CLI's {@code --output table} does ({@code awscli.formatter.TableFormatter}): the
 * operation name as the title; an object's scalar members as one row under sorted headers (or one {@code key | value}
 * row if there is only one); a list of objects as a column table; nested objects and lists as indented sections
 * below. Not thread-safe; one instance per document.
 */
final class TableFormatter {
    private final MultiTable table = new MultiTable();

    private TableFormatter() {}

    /** The table of {@code document} titled {@code title}, or {@code ""} for an empty document. */
    static String render(String title, Map<String, Object> document) {
        TableFormatter formatter = new TableFormatter();
        return formatter.build(title, document, 0) ? formatter.table.render() : "";
    }

    private boolean build(String title, Object current, int indentLevel) {
        if (isEmpty(current)) {
            return false;
        }
        if (title != null) {
            table.newSection(title, indentLevel);
        }
        if (current instanceof List<?> list) {
            buildFromList(title, list, indentLevel);
        } else if (current instanceof Map<?, ?> map) {
            buildFromObject(map, indentLevel);
        }
        return true;
    }

    private static boolean isEmpty(Object current) {
        return current == null || (current instanceof Map<?, ?> map && map.isEmpty())
                || (current instanceof List<?> list && list.isEmpty());
    }

    private void buildFromList(String title, List<?> list, int indentLevel) {
        if (list.get(0) instanceof Map<?, ?>) {
            buildColumns(title, list, indentLevel);
            return;
        }
        for (Object item : list) {
            if (isScalar(item)) {
                table.current().addRow(List.of(str(item)));
            } else if (item instanceof List<?> row && row.stream().allMatch(TableFormatter::isScalar)) {
                table.current().addRow(row.stream().map(TableFormatter::str).toList());
            } else {
                build(null, item, 0);
            }
        }
    }

    private void buildFromObject(Map<?, ?> object, int indentLevel) {
        List<String> headers = scalarKeys(object);
        if (headers.size() == 1) {
            table.current().addRow(List.of(headers.get(0), str(object.get(headers.get(0)))));
        } else if (!headers.isEmpty()) {
            table.current().addHeaders(headers);
            table.current().addRow(headers.stream().map(key -> str(object.get(key))).toList());
        }
        for (String key : nestedKeys(object)) {
            build(key, object.get(key), indentLevel + 1);
        }
    }

    private void buildColumns(String title, List<?> objects, int indentLevel) {
        TreeSet<String> headers = new TreeSet<>();
        TreeSet<String> nested = new TreeSet<>();
        for (Object element : objects) {
            headers.addAll(scalarKeys((Map<?, ?>) element));
            nested.addAll(nestedKeys((Map<?, ?>) element));
        }
        List<String> columns = List.copyOf(headers);
        table.current().addHeaders(columns);
        boolean first = true;
        for (Object element : objects) {
            Map<?, ?> object = (Map<?, ?>) element;
            if (!first && !nested.isEmpty()) {
                table.newSection(title, indentLevel);
                table.current().addHeaders(columns);
            }
            first = false;
            table.current().addRow(columns.stream().map(key -> object.containsKey(key) ? str(object.get(key)) : "")
                    .toList());
            for (String key : nested) {
                if (object.containsKey(key)) {
                    build(key, object.get(key), indentLevel + 1);
                }
            }
        }
    }

    private static List<String> scalarKeys(Map<?, ?> object) {
        return keys(object, true);
    }

    private static List<String> nestedKeys(Map<?, ?> object) {
        return keys(object, false);
    }

    private static List<String> keys(Map<?, ?> object, boolean scalar) {
        List<String> keys = new ArrayList<>();
        object.forEach((key, value) -> {
            if (isScalar(value) == scalar) {
                keys.add(String.valueOf(key));
            }
        });
        keys.sort(null);
        return keys;
    }

    private static boolean isScalar(Object value) {
        return !(value instanceof List<?>) && !(value instanceof Map<?, ?>);
    }

    /** Python's {@code str()} of a JSON value. */
    private static String str(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return PythonFloats.repr(((Number) value).doubleValue());
        }
        if (value instanceof Boolean flag) {
            return flag ? "True" : "False";
        }
        return value == null ? "None" : value.toString();
    }
}
