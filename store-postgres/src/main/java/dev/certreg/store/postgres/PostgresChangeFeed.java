package dev.certreg.store.postgres;

import dev.certreg.core.CertificateChangeListener;
import dev.certreg.core.ChangeFeed;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the changes other nodes commit to the shared database, through PostgreSQL LISTEN on the channel the schema's
 * triggers NOTIFY ({@code V10__change_notifications.sql}): each payload is {@code <kind>:<id>}. It holds one
 * connection of its own, outside the pool, and waits on it for notifications. When that connection fails it opens a
 * new one, backing off up to {@link #MAX_BACKOFF}, and then tells the listener that changes may have been missed,
 * since PostgreSQL keeps no notifications for a listener that was away. Thread-safe.
 */
final class PostgresChangeFeed implements ChangeFeed {
    static final String CHANNEL = "certreg_changes";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeFeed.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** How long to wait for a notification before checking that the connection still works. */
    private static final int WAIT_MS = 10_000;
    private static final int VALIDATION_TIMEOUT_SECONDS = 5;

    /** Opens a connection outside the pool. */
    @FunctionalInterface
    interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    private final ConnectionOpener opener;
    private final CertificateChangeListener listener;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile Connection connection;

    private PostgresChangeFeed(ConnectionOpener opener, CertificateChangeListener listener) {
        this.opener = opener;
        this.listener = listener;
        this.thread = new Thread(this::run, "certreg-change-feed");
        thread.setDaemon(true);
    }

    /**
     * Starts listening; the first LISTEN is done when this returns, so every change committed afterwards is heard.
     *
     * @throws SQLException if the first connection cannot be opened
     */
    static PostgresChangeFeed start(ConnectionOpener opener, CertificateChangeListener listener) throws SQLException {
        PostgresChangeFeed feed = new PostgresChangeFeed(opener, listener);
        feed.connection = feed.listen();
        feed.thread.start();
        return feed;
    }

    private Connection listen() throws SQLException {
        Connection opened = opener.open();
        try (Statement statement = opened.createStatement()) {
            opened.setAutoCommit(true);
            statement.execute("LISTEN " + CHANNEL);
            return opened;
        } catch (SQLException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    private void run() {
        try {
            follow();
        } finally {
            closeQuietly(connection);
        }
    }

    private void follow() {
        while (!isClosed()) {
            try {
                receive(connection);
            } catch (SQLException e) {
                if (isClosed()) {
                    return;
                }
                LOG.warn("change notifications lost their database connection ({}); reconnecting", e.getMessage());
                closeQuietly(connection);
                if (reconnect()) {
                    LOG.info("change notifications reconnected; re-checking live sessions");
                    listener.changesMayHaveBeenMissed();
                }
            }
        }
    }

    private void receive(Connection current) throws SQLException {
        PGNotification[] notifications = current.unwrap(PGConnection.class).getNotifications(WAIT_MS);
        if (notifications == null || notifications.length == 0) {
            if (!isClosed() && !current.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                throw new SQLException("the connection no longer answers");
            }
            return;
        }
        for (PGNotification notification : notifications) {
            dispatch(notification.getParameter());
        }
    }

    /** Dispatches one {@code <kind>:<id>} payload; kinds this version does not know are ignored. */
    private void dispatch(String payload) {
        int colon = payload.indexOf(':');
        if (colon > 0 && payload.substring(0, colon).equals("certificate")) {
            try {
                listener.certificateChanged(payload.substring(colon + 1));
            } catch (RuntimeException e) {
                LOG.warn("a listener failed on change {}", payload, e);
            }
        }
    }

    /** Opens a new listening connection, backing off between attempts; false if the feed was closed first. */
    private boolean reconnect() {
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                if (closed.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                connection = listen();
                return true;
            } catch (SQLException e) {
                LOG.debug("change notifications cannot reconnect yet: {}", e.getMessage());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private boolean isClosed() {
        return closed.getCount() == 0;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // It is being replaced or the feed is closing; nothing waits on it.
        }
    }

    @Override
    public void close() {
        closed.countDown();
        closeQuietly(connection);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(VALIDATION_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
