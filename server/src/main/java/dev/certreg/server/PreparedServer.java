package dev.certreg.server;

import java.net.URI;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A server started up to its ports (see {@link CertregServer#prepare}): nothing listens until {@link #listen}, so
 * the caller decides when the registry starts answering. Either {@link #listen} hands the server on, or
 * {@link #close} stops it; after a failed {@link #listen}, close it. Thread-safe.
 */
public final class PreparedServer implements AutoCloseable {
    private final Server jetty;
    private final String host;
    private final ServerConnector api;
    private final ServerConnector management;
    private final ReadinessProbe readiness;

    PreparedServer(Server jetty, String host, ServerConnector api, ServerConnector management,
            ReadinessProbe readiness) {
        this.jetty = jetty;
        this.host = host;
        this.api = api;
        this.management = management;
        this.readiness = readiness;
    }

    /** Binds the API port (and the management port, if separate) and starts accepting on them. */
    public CertregServer listen() throws Exception {
        start(api);
        if (management != null) {
            start(management);
        }
        URI endpoint = CertregServer.uri(host, api);
        return new CertregServer(jetty, endpoint,
                management == null ? endpoint : CertregServer.uri(host, management), readiness);
    }

    private void start(ServerConnector connector) throws Exception {
        // Added to the running server, which stops it with itself.
        jetty.addConnector(connector);
        connector.start();
    }

    /** Stops a server that does not listen, or failed to. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        } finally {
            readiness.close();
        }
    }
}
