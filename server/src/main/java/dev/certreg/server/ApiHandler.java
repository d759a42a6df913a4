package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.Scope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The request path: read, authenticate, route, decode the body, run the operation, write the response. Every
 * response, error or not, carries {@code x-amzn-RequestId}. Thread-safe.
 */
final class ApiHandler extends Handler.Abstract {
    private final Routes routes;
    private final Authenticator authenticator;
    private final ResponseWriter writer;
    private final Duration bodyTimeout;

    ApiHandler(Routes routes, Authenticator authenticator, ResponseWriter writer, Duration bodyTimeout) {
        this.routes = routes;
        this.authenticator = authenticator;
        this.writer = writer;
        this.bodyTimeout = bodyTimeout;
    }

    // The body is read without holding this thread (BodyReader); the operation runs on the thread that completes it.
    // The future whenComplete returns is dropped: the action catches every failure and always completes the callback.
    @SuppressWarnings("FutureReturnValueIgnored")
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String requestId = UUID.randomUUID().toString();
        BodyReader.read(request, bodyTimeout).whenComplete((body, unreadable) -> {
            ApiResponse result;
            try {
                if (unreadable != null) {
                    throw unreadable;
                }
                result = ApiResponse.ok(run(request, read(request, body)));
            } catch (Throwable failure) {
                result = ErrorResponses.of(failure, requestId);
            }
            writer.write(result, requestId, response, callback);
        });
        return true;
    }

    // Authenticate before routing: the route is read from the path the signature covers, and a caller without valid
    // credentials learns nothing of which paths exist.
    private JsonSerializable run(Request request, RawRequest raw) {
        Scope scope = authenticator.authenticate(raw);
        request.setAttribute(RequestObserver.ACCOUNT, scope.account());
        Routes.Match match = routes.find(raw.method(), RequestPath.normalize(raw.rawPath()));
        request.setAttribute(RequestObserver.OPERATION, match.route().name());
        ObjectNode body = Json.parseBody(raw.body());
        return match.route().operation().handle(new ApiRequest(scope, match.labels(), raw.query(), raw, body));
    }

    private static RawRequest read(Request request, byte[] body) {
        HttpURI uri = request.getHttpURI();
        return RawRequest.of(request.getMethod(), uri.getPath(), uri.getQuery(), headers(request), body);
    }

    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(field.getValue());
        }
        return headers;
    }
}
