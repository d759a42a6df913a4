package dev.certreg.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * botocore's NextToken: standard base64 of the JSON that Python's {@code json.dumps} writes for
 * {@code {"marker": ..., "boto_truncate_amount": k}}. Tokens are written byte for byte as botocore writes them, so
 * that a token from boto3 or the AWS CLI resumes here and the reverse; reading is as lenient as botocore's where that
 * is harmless, and refuses the rest with the token named.
 *
 * <p>Stateless and thread-safe.
 */
public final class NextTokenCodec {
    private NextTokenCodec() {}

    /** The NextToken for {@code point}; the amount is written only when there is something to skip. */
    public static String encode(ResumePoint point) {
        if (point.isStart()) {
            throw new IllegalArgumentException("the start of a listing has no NextToken");
        }
        String marker = point.marker() == null ? "null" : PythonJsonString.quote(point.marker());
        String amount = point.skip() == 0 ? "" : ", \"" + JsonTokenReader.TRUNCATE_AMOUNT + "\": " + point.skip();
        String json = "{\"" + JsonTokenReader.MARKER + "\": " + marker + amount + "}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The resume point of a StartingToken: a botocore NextToken, the legacy {@code <marker>___<skip>} form, or a raw
     * service marker.
     *
     * @throws IllegalArgumentException naming the token if it is none of these
     */
    public static ResumePoint decode(String token) {
        return Base64Json.parse(token)
                .filter(json -> json.isObject())
                .map(json -> JsonTokenReader.read(token, json))
                .orElseGet(() -> LegacyTokenReader.read(token));
    }

    static IllegalArgumentException invalid(String token, String reason) {
        return new IllegalArgumentException("Invalid StartingToken '" + token + "': " + reason);
    }
}
