package dev.certreg.server;

import dev.certreg.protocol.ErrorCode;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Answers what Jetty refuses before any handler runs (a malformed request line, an oversize header) in the API's
 * error shape instead of Jetty's HTML page; an HTTP version it does not speak gets a plain 505.
 */
final class JsonErrorHandler implements Request.Handler {
    private final ResponseWriter writer;

    JsonErrorHandler(ResponseWriter writer) {
        this.writer = writer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        if (status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            // Not an API error: a request line of HTTP/0.9 or HTTP/3.0 is no AWS request, so it gets plain HTTP.
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            response.write(true, BufferUtil.toBuffer("HTTP Version Not Supported\n"), callback);
            return true;
        }
        ErrorCode code = status >= 500 ? ErrorCode.INTERNAL_FAILURE : ErrorCode.INVALID_REQUEST;
        String message = status >= 500 ? "The server failed to process the request"
                : "The HTTP request is malformed (status " + status + ")";
        ApiResponse rendered = ErrorResponses.render(code, message, null, null);
        writer.write(new ApiResponse(status >= 400 ? status : 400, code.wireName(), rendered.body()),
                UUID.randomUUID().toString(), response, callback);
        return true;
    }
}
