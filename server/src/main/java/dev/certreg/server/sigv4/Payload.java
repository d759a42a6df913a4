package dev.certreg.server.sigv4;

import dev.certreg.server.RawRequest;
import java.util.List;
import java.util.Locale;

/**
 * The payload rules (docs/sigv4-verifier.md "Canonical request"): the server always hashes the body itself; a sent {@code
 * x-amz-content-sha256} must equal that hash; S3's chunked and unsigned payload modes are refused. Thread-safe.
 */
final class Payload {
    static final String CONTENT_SHA256 = "x-amz-content-sha256";

    private Payload() {}

    /** 400 InvalidRequestException for {@code UNSIGNED-PAYLOAD}, {@code STREAMING-*} and aws-chunked encoding. */
    static void refuseChunkedAndUnsigned(RawRequest request) {
        for (String declared : request.headers().getOrDefault(CONTENT_SHA256, List.of())) {
            String value = declared.strip();
            if (value.equals("UNSIGNED-PAYLOAD") || value.startsWith("STREAMING-")) {
                throw AuthFailures.unsupportedPayload();
            }
        }
        for (String encoding : request.headers().getOrDefault("content-encoding", List.of())) {
            if (encoding.toLowerCase(Locale.ROOT).contains("aws-chunked")) {
                throw AuthFailures.unsupportedPayload();
            }
        }
        if (request.headers().containsKey("x-amz-decoded-content-length")) {
            throw AuthFailures.unsupportedPayload();
        }
    }

    /** The hex SHA-256 of the body; InvalidSignatureException if a sent {@code x-amz-content-sha256} differs. */
    static String hash(RawRequest request) {
        String hash = SigningKey.sha256Hex(request.body());
        for (String declared : request.headers().getOrDefault(CONTENT_SHA256, List.of())) {
            if (!declared.strip().equals(hash)) {
                throw AuthFailures.invalid("The provided 'x-amz-content-sha256' header does not match what was"
                        + " computed.");
            }
        }
        return hash;
    }
}
