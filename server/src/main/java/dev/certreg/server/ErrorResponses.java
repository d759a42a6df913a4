package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place that renders an error: status from the error shape, {@code x-amzn-ErrorType}, and the JSON body
 * {@code {"__type", "message"}} (plus {@code resourceId}/{@code resourceArn} on ResourceAlreadyExists). An
 * unexpected exception becomes InternalFailureException carrying the request id, logged once; its cause and any
 * SQL stay off the wire. Thread-safe.
 */
final class ErrorResponses {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    /** The error response for {@code failure}. */
    static ApiResponse of(Throwable failure, String requestId) {
        if (failure instanceof ServiceException e) {
            return render(e.errorCode(), e.getMessage(), e.resourceId(), e.resourceArn());
        }
        LOG.error("Request {} failed unexpectedly", requestId, failure);
        return render(ErrorCode.INTERNAL_FAILURE,
                "An internal error occurred; quote request id " + requestId + " when reporting it", null, null);
    }

    static ApiResponse render(ErrorCode code, String message, String resourceId, String resourceArn) {
        ObjectNode body = Json.object();
        body.put("__type", code.wireName());
        body.put("message", message);
        Json.putIfPresent(body, "resourceId", resourceId);
        Json.putIfPresent(body, "resourceArn", resourceArn);
        return new ApiResponse(code.httpStatus(), code.wireName(), body);
    }
}
