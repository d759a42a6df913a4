package dev.certreg.client.internal;

import dev.certreg.protocol.Members;
import java.util.regex.Pattern;

/**
 * Reads a token that is not a base64 JSON object, as botocore's fallback does: the legacy form
 * {@code <marker>___<skip>}, or else the whole string as a raw service marker. {@code None} stands for no marker.
 * Unlike botocore, the marker must look like one (the model's pattern {@code [A-Za-z0-9+/]+={0,2}}, at most 1,024
 * characters), so that a mistyped token is refused here instead of being sent to the service.
 */
final class LegacyTokenReader {
    private static final Pattern SKIP = Pattern.compile("[0-9]{1,9}");
    private static final long MAX_MARKER_LENGTH = Members.ListCertificatesByCA.MARKER.max();

    private LegacyTokenReader() {}

    /** The resume point of {@code token}. */
    static ResumePoint read(String token) {
        String[] parts = token.split("___", -1);
        if (parts.length == 2 && SKIP.matcher(parts[1]).matches()) {
            return new ResumePoint(marker(token, parts[0]), Integer.parseInt(parts[1]));
        }
        return new ResumePoint(marker(token, token), 0);
    }

    private static String marker(String token, String marker) {
        if (marker.equals("None")) {
            return null;
        }
        if (marker.length() > MAX_MARKER_LENGTH || !Members.MARKER_PATTERN.matcher(marker).matches()) {
            throw NextTokenCodec.invalid(token, "it is neither a NextToken (base64 of a JSON object), nor"
                    + " <marker>___<skip>, nor a service marker (" + Members.MARKER_PATTERN.pattern()
                    + ", at most " + MAX_MARKER_LENGTH + " characters)");
        }
        return marker;
    }
}
