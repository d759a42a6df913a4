package dev.certreg.client.internal;

/**
 * Quotes a string as Python's {@code json.dumps} does with its defaults ({@code ensure_ascii=True}), so that a token
 * built here has the same bytes as botocore's: printable ASCII stays, {@code "} and {@code \} are backslashed, the
 * usual control characters get their short escapes and everything else becomes a lower-case {@code \}{@code uXXXX}
 * (UTF-16 units, so characters outside the BMP become surrogate pairs, as in Python).
 */
final class PythonJsonString {
    private PythonJsonString() {}

    /** {@code value} as a JSON string literal, quotes included. */
    static String quote(String value) {
        StringBuilder json = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            json.append(escape(value.charAt(i)));
        }
        return json.append('"').toString();
    }

    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> c >= ' ' && c <= '~' ? String.valueOf(c) : String.format("\\u%04x", (int) c);
        };
    }
}
