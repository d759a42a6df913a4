package dev.certreg.protocol;

import java.util.Locale;

/**
 * One constant per error shape of the AWS IoT API that certreg serves, with its HTTP status.
 *
 * <p>The wire name ({@code x-amzn-ErrorType} and {@code __type}) is derived from the constant:
 * {@code RESOURCE_NOT_FOUND} is {@code ResourceNotFoundException}. Immutable and thread-safe.
 */
public enum ErrorCode {
    INVALID_REQUEST(400),
    CERTIFICATE_VALIDATION(400),
    REGISTRATION_CODE_VALIDATION(400),
    MALFORMED_POLICY(400),
    RESOURCE_NOT_FOUND(404),
    CERTIFICATE_STATE(406),
    RESOURCE_ALREADY_EXISTS(409),
    CERTIFICATE_CONFLICT(409),
    DELETE_CONFLICT(409),
    TRANSFER_CONFLICT(409),
    VERSION_CONFLICT(409),
    VERSIONS_LIMIT_EXCEEDED(409),
    LIMIT_EXCEEDED(410),
    TRANSFER_ALREADY_COMPLETED(410),
    INTERNAL_FAILURE(500),
    SERVICE_UNAVAILABLE(503),
    /** Not in the model: what AWS front ends answer for a path and method that name no operation. */
    UNKNOWN_OPERATION(404),
    /**
     * Not in the IoT model: what AWS front ends send for a SigV4 signature that cannot be parsed (a missing or
     * repeated {@code Credential}, {@code SignedHeaders} or {@code Signature}, a malformed {@code X-Amz-Date}).
     */
    INCOMPLETE_SIGNATURE(403),
    /** Not in the IoT model: what AWS front ends send for a request that carries no signature at all. */
    MISSING_AUTHENTICATION_TOKEN(403),
    /**
     * Not in the IoT model: what AWS front ends send for a signature that does not match, a wrong credential scope,
     * or a request outside its time window. JSON-protocol services send it with 400; IoT's REST front end with 403.
     */
    INVALID_SIGNATURE(403),
    /** Not in the IoT model: what AWS front ends send for an unknown access key or an unusable security token. */
    UNRECOGNIZED_CLIENT(403);

    private final int httpStatus;
    private final String wireName;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
        this.wireName = camelCase(name()) + "Exception";
    }

    /** The HTTP status the API model gives this error. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The error shape's name, as sent in {@code x-amzn-ErrorType} and {@code __type}. */
    public String wireName() {
        return wireName;
    }

    private static String camelCase(String constant) {
        StringBuilder out = new StringBuilder();
        for (String word : constant.split("_", -1)) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
