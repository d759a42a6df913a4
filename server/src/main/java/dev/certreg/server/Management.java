package dev.certreg.server;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * Where the operations endpoints are served: {@code /health} (liveness), {@code /health/ready} (readiness: the store
 * answers) and {@code /metrics} (Prometheus text). They are never signed, so a load balancer and Prometheus reach
 * them with {@code --auth sigv4} too; no IoT operation lives under these paths.
 *
 * @param registry what {@code /metrics} renders; the server records its request metrics here, and a store opened
 *     with the same registry adds its own
 * @param port the port of a separate management listener (0 for any free one), or {@link #ON_API_PORT} to serve
 *     them beside the API
 */
public record Management(PrometheusMeterRegistry registry, int port) {
    /** Serve the operations endpoints on the API's own listener. */
    public static final int ON_API_PORT = -1;

    public Management {
        Objects.requireNonNull(registry, "registry");
        if (port < ON_API_PORT || port > 65_535) {
            throw new IllegalArgumentException("The management port must be 0..65535, got " + port);
        }
    }

    /** The endpoints beside the API, over a registry of their own. */
    public static Management onApiPort() {
        return new Management(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), ON_API_PORT);
    }

    /** Whether the endpoints get a listener of their own. */
    public boolean separatePort() {
        return port != ON_API_PORT;
    }
}
