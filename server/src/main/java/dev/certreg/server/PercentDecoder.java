package dev.certreg.server;

import dev.certreg.core.ServiceException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict percent-decoding of one URI component into UTF-8 text. A {@code +} stays a plus (the SDKs send a space as
 * {@code %20}); a malformed escape or bytes that are not UTF-8 are an InvalidRequestException, never a guess.
 * Stateless and thread-safe.
 */
final class PercentDecoder {
    private PercentDecoder() {}

    /** The decoded text of {@code component}; {@code what} names the component in the error message. */
    static String decode(String component, String what) {
        if (component.indexOf('%') < 0) {
            return component;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        int from = 0;
        while (from < component.length()) {
            int escape = component.indexOf('%', from);
            int end = escape < 0 ? component.length() : escape;
            bytes.writeBytes(component.substring(from, end).getBytes(StandardCharsets.UTF_8));
            if (escape < 0) {
                break;
            }
            bytes.write(escapedByte(component, escape, what));
            from = escape + 3;
        }
        return utf8(bytes.toByteArray(), what);
    }

    private static int escapedByte(String component, int escape, String what) {
        if (escape + 2 >= component.length()) {
            throw malformed(what);
        }
        int high = hexValue(component.charAt(escape + 1));
        int low = hexValue(component.charAt(escape + 2));
        if (high < 0 || low < 0) {
            throw malformed(what);
        }
        return high << 4 | low;
    }

    /** The value of an ASCII hex digit, or -1; {@link Character#digit} would also accept non-ASCII digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed(what);
        }
    }

    private static ServiceException malformed(String what) {
        return ServiceException.invalidRequest("The " + what + " is not correctly percent-encoded UTF-8");
    }
}
