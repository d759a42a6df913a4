package dev.certreg.core;

import dev.certreg.protocol.ErrorCode;
import java.util.Objects;

/**
 * The one exception the registry throws for a request it refuses. The message goes on the wire as is, so it names
 * ids and states but never internals.
 */
public class ServiceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final String resourceId;
    private final String resourceArn;

    public ServiceException(ErrorCode errorCode, String message) {
        this(errorCode, message, null, null);
    }

    private ServiceException(ErrorCode errorCode, String message, String resourceId, String resourceArn) {
        super(message, null, false, false);
        this.errorCode = Objects.requireNonNull(errorCode);
        this.resourceId = resourceId;
        this.resourceArn = resourceArn;
    }

    /** A 409 ResourceAlreadyExistsException naming the resource that exists. */
    public static ServiceException alreadyExists(String message, String resourceId, String resourceArn) {
        return new ServiceException(ErrorCode.RESOURCE_ALREADY_EXISTS, message, resourceId, resourceArn);
    }

    /** A 400 InvalidRequestException. */
    public static ServiceException invalidRequest(String message) {
        return new ServiceException(ErrorCode.INVALID_REQUEST, message);
    }

    /** A 400 CertificateValidationException. */
    public static ServiceException certificateValidation(String message) {
        return new ServiceException(ErrorCode.CERTIFICATE_VALIDATION, message);
    }

    /** A 404 ResourceNotFoundException. */
    public static ServiceException notFound(String message) {
        return new ServiceException(ErrorCode.RESOURCE_NOT_FOUND, message);
    }

    /** A 406 CertificateStateException. */
    public static ServiceException certificateState(String message) {
        return new ServiceException(ErrorCode.CERTIFICATE_STATE, message);
    }

    /** {@code value} cut to a length fit for a message that quotes a caller's input. */
    public static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The existing resource's id, for ResourceAlreadyExistsException only; else null. */
    public String resourceId() {
        return resourceId;
    }

    /** The existing resource's ARN, for ResourceAlreadyExistsException only; else null. */
    public String resourceArn() {
        return resourceArn;
    }
}
