package dev.certreg.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the operations endpoints in front of the API: {@code /health}, {@code /health/ready} and
 * {@code /metrics}, unsigned. With a separate management listener they are served there alone, and that listener
 * serves nothing else. Thread-safe.
 */
final class ManagementHandler extends Handler.Wrapper {
    static final String HEALTH = "/health";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final ReadinessProbe readiness;
    private final Connector managementConnector;

    /**
     * @param managementConnector the separate management listener, or null to answer on every listener
     */
    ManagementHandler(Handler api, PrometheusMeterRegistry registry, ReadinessProbe readiness,
            Connector managementConnector) {
        super(api);
        this.registry = registry;
        this.readiness = readiness;
        this.managementConnector = managementConnector;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        boolean onManagementListener = managementConnector != null
                && request.getConnectionMetaData().getConnector() == managementConnector;
        String path = request.getHttpURI().getPath();
        boolean managementPath = HEALTH.equals(path) || READY.equals(path) || METRICS.equals(path);
        if (managementPath && (managementConnector == null || onManagementListener)) {
            serve(request.getMethod(), path, response, callback);
            return true;
        }
        if (onManagementListener) {
            write(response, 404, "application/json", "{\"status\":\"NOT_FOUND\"}\n", callback);
            return true;
        }
        return super.handle(request, response, callback);
    }

    private void serve(String method, String path, Response response, Callback callback) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            write(response, 405, "application/json", "{\"status\":\"METHOD_NOT_ALLOWED\"}\n", callback);
        } else if (path.equals(METRICS)) {
            write(response, 200, PROMETHEUS_TEXT, registry.scrape(), callback);
        } else if (path.equals(READY)) {
            String problem = readiness.problem();
            write(response, problem == null ? 200 : 503, "application/json", problem == null
                    ? "{\"status\":\"UP\"}\n"
                    : "{\"status\":\"DOWN\",\"reason\":\"" + problem + "\"}\n", callback);
        } else {
            write(response, 200, "application/json", "{\"status\":\"UP\"}\n", callback);
        }
    }

    private static void write(Response response, int status, String contentType, String body, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
