package dev.certreg.server.sigv4;

import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;

/**
 * The refusals of a signature check, with the wording AWS front ends use where there is one. Messages may name the
 * access key id, the scope and the date, never a secret, a signature or the canonical request. Thread-safe.
 */
final class AuthFailures {
    static final String UNKNOWN_KEY = "The security token included in the request is invalid.";
    static final String SESSION_TOKEN = UNKNOWN_KEY
            + " Temporary credentials are not supported by this server.";
    static final String MISMATCH = "The request signature we calculated does not match the signature you provided."
            + " Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private AuthFailures() {}

    /** 403 MissingAuthenticationTokenException: neither an Authorization header nor a presigned query. */
    static ServiceException missing() {
        return new ServiceException(ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
    }

    /** 403 IncompleteSignatureException: the signature cannot be parsed; {@code defect} says why. */
    static ServiceException incomplete(String defect) {
        return new ServiceException(ErrorCode.INCOMPLETE_SIGNATURE, defect);
    }

    /** 403 InvalidSignatureException: a wrong scope, time or payload hash, or a signature that does not match. */
    static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_SIGNATURE, message);
    }

    /** 403 InvalidSignatureException for a signature that does not match. */
    static ServiceException mismatch() {
        return invalid(MISMATCH);
    }

    /** 403 UnrecognizedClientException for an unknown or disabled access key. */
    static ServiceException unknownKey() {
        return new ServiceException(ErrorCode.UNRECOGNIZED_CLIENT, UNKNOWN_KEY);
    }

    /** 403 UnrecognizedClientException for any session token: temporary credentials are not supported. */
    static ServiceException sessionToken() {
        return new ServiceException(ErrorCode.UNRECOGNIZED_CLIENT, SESSION_TOKEN);
    }

    /** 400 InvalidRequestException for S3-style chunked or unsigned payloads. */
    static ServiceException unsupportedPayload() {
        return ServiceException.invalidRequest("Chunked and unsigned payloads are not supported");
    }
}
