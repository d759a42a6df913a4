package dev.certreg.server;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.Objects;

/**
 * What one client may hold of the server: the defences against slow and idle clients.
 *
 * @param idleTimeout how long a connection may stay silent before it is closed
 * @param headerTimeout how long a new connection has to deliver its first request's headers, however slowly they
 *     trickle in
 * @param bodyTimeout how long a request has to deliver its whole body once its headers are in
 * @param maxConnections how many connections may be open at once; the next one gets a 503 and is closed
 */
public record HttpLimits(Duration idleTimeout, Duration headerTimeout, Duration bodyTimeout, int maxConnections) {
    /** Left for files, database connections and the management port when the cap derives from the file limit. */
    private static final int RESERVED_FILE_DESCRIPTORS = 256;
    private static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    public HttpLimits {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
    }

    /** 30 s idle, 10 s for headers, 30 s for a body, and {@link #defaultMaxConnections()}. */
    public static HttpLimits defaults() {
        return new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(30),
                defaultMaxConnections());
    }

    /**
     * 10,000 connections, or fewer when the process may open fewer files: a connection past the file limit is
     * neither served nor refused, it hangs, so the cap stays {@value #RESERVED_FILE_DESCRIPTORS} below that limit.
     */
    public static int defaultMaxConnections() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long usable = unix.getMaxFileDescriptorCount() - RESERVED_FILE_DESCRIPTORS;
            return (int) Math.max(1, Math.min(DEFAULT_MAX_CONNECTIONS, usable));
        }
        return DEFAULT_MAX_CONNECTIONS;
    }
}
