package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The request path: read, authenticate, route, decode the body, run the operation, write the response. Every
 * response, error or not, carries {@code x-amzn-RequestId}. Thread-safe.
 */
final class ApiHandler extends Handler.Abstract {
    /** Larger than any valid request: two 64 KiB PEMs, a 10 KiB template, tags. */
    static final int MAX_BODY_BYTES = 256 * 1024;
    /** How much of an oversize body is read and dropped so that its 400 reaches the client; beyond, the close. */
    private static final long MAX_DRAINED_BYTES = 8L * 1024 * 1024;

    private final Routes routes;
    private final Authenticator authenticator;
    private final ResponseWriter writer;

    ApiHandler(Routes routes, Authenticator authenticator, ResponseWriter writer) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.writer = writer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = UUID.randomUUID().toString();
        ApiResponse result;
        try {
            result = ApiResponse.ok(run(request, read(request)));
        } catch (Throwable failure) {
            result = ErrorResponses.of(failure, requestId);
        }
        writer.write(result, requestId, response, callback);
        return true;
    }

    // Authenticate before routing: the route is read from the path the signature covers, and a caller without valid
    // credentials learns nothing of which paths exist.
    private ObjectNode run(Request request, RawRequest raw) {
        Scope scope = authenticator.authenticate(raw);
        request.setAttribute(RequestObserver.ACCOUNT, scope.account());
        Routes.Match match = routes.find(raw.method(), RequestPath.normalize(raw.rawPath()));
        request.setAttribute(RequestObserver.OPERATION, match.route().name());
        ObjectNode body = Json.parseBody(raw.body());
        return match.route().operation().handle(new ApiRequest(scope, match.labels(), raw.query(), raw, body));
    }

    private static RawRequest read(Request request) throws IOException {
        HttpURI uri = request.getHttpURI();
        return RawRequest.of(request.getMethod(), uri.getPath(), uri.getQuery(), headers(request), body(request));
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(field.getValue());
        }
        return headers;
    }

    private static byte[] body(Request request) throws IOException {
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                throw tooLarge();
            }
            return body;
        }
    }

    /**
     * Reads what is left of an oversize body, up to {@link #MAX_DRAINED_BYTES}: a client still sending when the
     * connection closes gets a reset instead of the 400 that says what was wrong.
     */
    private static void drain(InputStream in) throws IOException {
        long left = MAX_DRAINED_BYTES;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0 && in.read() < 0) {
                return;
            }
            left -= Math.max(skipped, 1);
        }
    }

    private static ServiceException tooLarge() {
        return ServiceException.invalidRequest("The request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
}
