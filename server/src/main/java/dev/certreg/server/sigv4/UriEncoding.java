package dev.certreg.server.sigv4;

import java.nio.charset.StandardCharsets;

/**
 * SigV4's URI encoding: every UTF-8 byte outside {@code A-Z a-z 0-9 - _ . ~} becomes {@code %XX} with upper-case
 * hex; the path variant keeps {@code /}. Thread-safe.
 */
final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {}

    /** A query name or value. */
    static String component(String text) {
        return encode(text, false);
    }

    /** A path, slashes kept. Applied to the raw path, this is the second encoding of the non-S3 rules. */
    static String path(String text) {
        return encode(text, true);
    }

    private static String encode(String text, boolean keepSlash) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
