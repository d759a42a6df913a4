package dev.certreg.server;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a connector's connections: past {@link HttpLimits#maxConnections()} a new connection is closed at once,
 * so that a flood is refused rather than left to hang at the process's file limit; and a connection whose request
 * headers are still incomplete after {@link HttpLimits#headerTimeout()} is closed, however steadily its bytes
 * trickle in (the idle timeout restarts with every byte, so it alone never ends such a client).
 *
 * <p>Header progress is sampled once per header timeout: a request whose headers are incomplete at two samples in a
 * row, with no request completed between them, is cut, so slow headers live between one and two timeouts.
 * Thread-safe.
 */
final class ConnectionGuard implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final AtomicInteger open = new AtomicInteger();
    private final HttpLimits limits;
    private final Scheduler scheduler;

    private ConnectionGuard(HttpLimits limits, Scheduler scheduler) {
        this.limits = limits;
        this.scheduler = scheduler;
    }

    /** Applies {@code limits} to {@code connector}: its idle timeout, its connection cap and the header timeout. */
    static void install(ServerConnector connector, HttpLimits limits) {
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addEventListener(new ConnectionGuard(limits, connector.getScheduler()));
    }

    @Override
    public void onOpened(Connection connection) {
        if (open.incrementAndGet() > limits.maxConnections()) {
            LOG.warn("Refused a connection from {}: {} connections are open, the limit is {}",
                    connection.getEndPoint().getRemoteSocketAddress(), open.get() - 1, limits.maxConnections());
            connection.getEndPoint().close();
            return;
        }
        if (connection instanceof HttpConnection http) {
            new HeaderWatch(http).schedule();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        open.decrementAndGet();
    }

    /** Samples one connection's header progress every header timeout until it closes. */
    private final class HeaderWatch implements Runnable {
        private final HttpConnection connection;
        private long messagesIn = -1;
        private boolean wasInHeaders;

        HeaderWatch(HttpConnection connection) {
            this.connection = connection;
        }

        void schedule() {
            scheduler.schedule(this, limits.headerTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void run() {
            if (!connection.getEndPoint().isOpen()) {
                return;
            }
            HttpParser parser = connection.getParser();
            boolean inHeaders = parser.inHeaderState() && !parser.isStart();
            long messages = connection.getMessagesIn();
            if (inHeaders && wasInHeaders && messages == messagesIn) {
                LOG.info("Closed a connection from {}: its request headers took longer than {}",
                        connection.getEndPoint().getRemoteSocketAddress(), limits.headerTimeout());
                connection.getEndPoint().close();
                return;
            }
            wasInHeaders = inHeaders;
            messagesIn = messages;
            schedule();
        }
    }
}
