package dev.certreg.store.postgres;

import dev.certreg.core.CertificateChangeListener;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.ChangeFeed;
import dev.certreg.store.jdbc.JdbcCertificateStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/**
 * A {@link CertificateStore} on PostgreSQL, so that several registry nodes can share one database. The schema is
 * migrated by Flyway on open. Racing nodes get exactly one winner: the database's unique keys and conditional
 * updates decide. A write returns after its transaction is committed. Thread-safe.
 */
public final class PostgresCertificateStore extends JdbcCertificateStore {

    private final PostgresConnections db;
    private final List<ChangeFeed> feeds = new CopyOnWriteArrayList<>();

    private PostgresCertificateStore(PostgresConnections db, MeterRegistry registry) {
        super(db, registry);
        this.db = db;
    }

    /**
     * Opens the store at {@code jdbcUrl} (e.g. {@code jdbc:postgresql://db:5432/certreg}) through a HikariCP pool of
     * at most 10 connections, migrating the schema first. Closing the store closes the pool.
     */
    public static PostgresCertificateStore open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, new CompositeMeterRegistry());
    }

    /**
     * Opens the store as {@link #open(String, String, String)} does, recording store latency and HikariCP's pool
     * metrics ({@code hikaricp_*}) into {@code registry}.
     */
    public static PostgresCertificateStore open(String jdbcUrl, String user, String password,
            MeterRegistry registry) {
        return new PostgresCertificateStore(PostgresConnections.pooled(jdbcUrl, user, password, registry), registry);
    }

    /**
     * Opens the store over connections from {@code dataSource} (pooled by the caller, handing out connections in
     * autocommit mode, the JDBC default), migrating the schema first. Closing the store leaves {@code dataSource}
     * open.
     */
    public static PostgresCertificateStore open(DataSource dataSource) {
        return new PostgresCertificateStore(PostgresConnections.over(dataSource), new CompositeMeterRegistry());
    }

    /**
     * Tells {@code listener} of every device certificate change committed to the database, by this node or another,
     * through LISTEN/NOTIFY on a connection outside the pool; see {@link PostgresChangeFeed}.
     */
    @Override
    public ChangeFeed followChanges(CertificateChangeListener listener) {
        PostgresChangeFeed feed;
        try {
            feed = PostgresChangeFeed.start(db::openUnpooled, listener);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot LISTEN on PostgreSQL: " + e.getMessage(), e);
        }
        feeds.add(feed);
        return () -> {
            feeds.remove(feed);
            feed.close();
        };
    }

    @Override
    public void close() {
        for (ChangeFeed feed : feeds) {
            feed.close();
        }
        super.close();
    }
}
