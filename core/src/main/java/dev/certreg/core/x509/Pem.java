package dev.certreg.core.x509;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM armour with LF line ends and 64-character lines, as AWS IoT returns it whatever the platform. Thread-safe. */
public final class Pem {
    private static final Base64.Encoder LINES = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private Pem() {}

    /** {@code der} in a {@code -----BEGIN type-----} block, ending with a newline. */
    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + LINES.encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
