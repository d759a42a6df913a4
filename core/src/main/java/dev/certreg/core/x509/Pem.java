package dev.certreg.core.x509;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM armour with LF line ends and 64-character lines, as AWS IoT returns it whatever the platform, and the strict
 * reading of one block. Thread-safe.
 */
public final class Pem {
    private static final Base64.Encoder LINES = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    private static final Pattern BOUNDARY = Pattern.compile("-----(BEGIN|END) ([^\\r\\n-]*)-----");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/=\\s]*");

    private Pem() {}

    /** {@code der} in a {@code -----BEGIN type-----} block, ending with a newline. */
    public static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + LINES.encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /**
     * The bytes of the only block of {@code text}, whose label must be one of {@code labels}
     * (the first is the one messages name). Explanatory text
     * outside the block is allowed (RFC 7468 section 2), but any other block is refused rather than ignored: what is
     * registered is stored and served back as sent, so a private key pasted after a certificate must never get in.
     *
     * @param what names the object in messages ("The CA certificate")
     * @param refusal makes the exception for a message
     */
    static byte[] decodeSingle(String text, List<String> labels, String what,
            Function<String, RuntimeException> refusal) {
        List<Boundary> boundaries = boundaries(text);
        long blocks = boundaries.stream().filter(b -> b.begin() && labels.contains(b.label())).count();
        String label = labels.get(0);
        if (blocks == 0) {
            throw refusal.apply(what + " is not PEM-encoded (no BEGIN/END " + label + " block)");
        }
        if (blocks > 1) {
            throw refusal.apply(what + " holds more than one " + label + " block; send them one by one");
        }
        Boundary begin = boundaries.get(0);
        if (boundaries.size() != 2 || !begin.begin() || !labels.contains(begin.label())
                || boundaries.get(1).begin() || !boundaries.get(1).label().equals(begin.label())) {
            // Only the boundary lines are named, never what lies between them: a stray block may be a secret.
            throw refusal.apply(what + " must be one " + label + " block and nothing else; found " + boundaries);
        }
        String body = text.substring(begin.end(), boundaries.get(1).start());
        if (!BASE64.matcher(body).matches()) {
            throw refusal.apply(what + " PEM block is not valid base64");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(body);
            if (der.length == 0) {
                throw refusal.apply(what + " PEM block is empty");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw refusal.apply(what + " PEM block is not valid base64");
        }
    }

    /** One {@code -----BEGIN label-----} or {@code -----END label-----} line and where it sits. */
    private record Boundary(boolean begin, String label, int start, int end) {
        @Override
        public String toString() {
            return (begin ? "BEGIN " : "END ") + label;
        }
    }

    private static List<Boundary> boundaries(String text) {
        List<Boundary> found = new ArrayList<>();
        Matcher matcher = BOUNDARY.matcher(text);
        while (matcher.find()) {
            found.add(new Boundary(matcher.group(1).equals("BEGIN"), matcher.group(2), matcher.start(),
                    matcher.end()));
        }
        return found;
    }
}
