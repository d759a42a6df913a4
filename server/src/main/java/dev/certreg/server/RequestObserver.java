package dev.certreg.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every API request once its response is written, into {@code certreg_requests_seconds{operation,status}},
 * and writes one access-log line for it (logger {@code certreg.access}): operation, account, status, latency, request id
 * and error type as key-value pairs. Nothing of the request's headers or body is logged, so no secret, signature or PEM
 * reaches the log. Thread-safe.
 */
final class RequestObserver extends Handler.Wrapper {
    /** The request attribute holding the operation's API name, set once the route is known. */
    static final String OPERATION = "certreg.operation";
    /** The request attribute holding the caller's account, set once the caller is authenticated. */
    static final String ACCOUNT = "certreg.account";
    private static final String UNKNOWN = "-";
    private static final Logger ACCESS = LoggerFactory.getLogger("certreg.access");

    private final MeterRegistry registry;
    /** The timer of each operation and status, built once: a builder with its SLOs costs more than a request. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    RequestObserver(Handler api, MeterRegistry registry) {
        super(api);
        this.registry = registry;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long start = System.nanoTime();
        return super.handle(request, response, new Callback.Nested(callback) {
            @Override
            public void succeeded() {
                record(request, response, start, null);
                super.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                record(request, response, start, failure);
                super.failed(failure);
            }
        });
    }

    private void record(Request request, Response response, long start, Throwable failure) {
        Duration latency = Duration.ofNanos(System.nanoTime() - start);
        String operation = attribute(request, OPERATION);
        String status = Integer.toString(response.getStatus());
        timers.computeIfAbsent(operation + ' ' + status, key -> Timer.builder("certreg.requests")
                .description("API requests by operation and HTTP status, timed until the response is written")
                .tags("operation", operation, "status", status)
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofMillis(1000), Duration.ofMillis(5000))
                .register(registry))
                .record(latency);
        String requestId = response.getHeaders().get("x-amzn-RequestId");
        String errorType = failure != null ? "ResponseNotWritten" : response.getHeaders().get("x-amzn-ErrorType");
        ACCESS.atInfo()
                .addKeyValue("operation", operation)
                .addKeyValue("account", attribute(request, ACCOUNT))
                .addKeyValue("status", status)
                .addKeyValue("latency_ms", milliseconds(latency))
                .addKeyValue("request_id", requestId == null ? UNKNOWN : requestId)
                .addKeyValue("error", errorType == null ? UNKNOWN : errorType)
                .log("request");
    }

    /** {@code latency} in milliseconds with two decimals, rounded half up, as {@code %.2f} would write it. */
    static String milliseconds(Duration latency) {
        long hundredths = (latency.toNanos() + 5_000) / 10_000;
        long fraction = hundredths % 100;
        return hundredths / 100 + (fraction < 10 ? ".0" : ".") + fraction;
    }

    private static String attribute(Request request, String name) {
        Object value = request.getAttribute(name);
        return value == null ? UNKNOWN : value.toString();
    }
}
