package dev.certreg.cli.output;

import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps(value, indent=4, ensure_ascii=False)}, the AWS CLI's JSON output: four-space indents,
 * {@code ": "} after keys, {@code []} and {@code {}} for empty containers, non-ASCII characters unescaped, floats as
 * {@link PythonFloats#repr}. Stateless and thread-safe.
 */
final class PythonJson {
    private static final String INDENT = "    ";

    private PythonJson() {}

    static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            writeObject(out, map, depth);
        } else if (value instanceof List<?> list) {
            writeArray(out, list, depth);
        } else if (value instanceof String text) {
            writeString(out, text);
        } else if (value instanceof Double || value instanceof Float) {
            out.append(PythonFloats.repr(((Number) value).doubleValue()));
        } else {
            out.append(value);
        }
    }

    private static void writeObject(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String separator = "";
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(separator).append('\n').append(INDENT.repeat(depth + 1));
            writeString(out, String.valueOf(entry.getKey()));
            out.append(": ");
            write(out, entry.getValue(), depth + 1);
            separator = ",";
        }
        out.append('\n').append(INDENT.repeat(depth)).append('}');
    }

    private static void writeArray(StringBuilder out, List<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        String separator = "";
        for (Object element : list) {
            out.append(separator).append('\n').append(INDENT.repeat(depth + 1));
            write(out, element, depth + 1);
            separator = ",";
        }
        out.append('\n').append(INDENT.repeat(depth)).append(']');
    }

    private static void writeString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        out.append('"');
    }
}
