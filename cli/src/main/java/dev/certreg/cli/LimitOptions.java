package dev.certreg.cli;

import dev.certreg.server.HttpLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The {@code serve} options that bound what one client may hold: timeouts and the connection cap. */
final class LimitOptions {
    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Close a connection silent for this long (default: ${DEFAULT-VALUE}).")
    int idleTimeout;

    @Option(names = "--header-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Close a connection whose request headers are still incomplete after this long, however"
                    + " steadily they trickle in (default: ${DEFAULT-VALUE}).")
    int headerTimeout;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Answer 400 to a request whose body has not fully arrived this long after its headers"
                    + " (default: ${DEFAULT-VALUE}).")
    int bodyTimeout;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "Close new connections at once beyond this many open ones (default: 10000, or 256 below"
                    + " the open-files limit if that is lower).")
    Integer maxConnections;

    HttpLimits limits() throws StartupFailure {
        for (int seconds : new int[] {idleTimeout, headerTimeout, bodyTimeout}) {
            if (seconds < 1) {
                throw new StartupFailure("--idle-timeout, --header-timeout and --body-timeout must be at least 1"
                        + " second, got " + seconds);
            }
        }
        int max = maxConnections == null ? HttpLimits.defaultMaxConnections() : maxConnections;
        if (max < 1) {
            throw new StartupFailure("--max-connections must be at least 1, got " + max);
        }
        return new HttpLimits(Duration.ofSeconds(idleTimeout), Duration.ofSeconds(headerTimeout),
                Duration.ofSeconds(bodyTimeout), max);
    }
}
