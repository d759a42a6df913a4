package dev.certreg.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certreg.store.jdbc.Database;
import dev.certreg.store.jdbc.SchemaHistory;
import dev.certreg.store.jdbc.SignedPartBackfill;
import dev.certreg.store.jdbc.Sql;
import dev.certreg.store.jdbc.SqlWork;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collection;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connections to one PostgreSQL database: reads in autocommit mode, writes in one transaction each. Owns (and
 * closes) the HikariCP pool it opened from a URL, never a {@link DataSource} it was handed. Thread-safe.
 */
final class PostgresConnections implements Database {
    static final int MAXIMUM_POOL_SIZE = 10;
    private static final long CONNECTION_TIMEOUT_MS = 5_000;

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final PostgresChangeFeed.ConnectionOpener unpooled;

    private PostgresConnections(DataSource dataSource, HikariDataSource ownedPool,
            PostgresChangeFeed.ConnectionOpener unpooled) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.unpooled = unpooled;
    }

    /** A pool of connections to {@code jdbcUrl}, the schema migrated; the pool closes with this. */
    static PostgresConnections pooled(String jdbcUrl, String user, String password, MeterRegistry registry) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("certreg-postgres");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(MAXIMUM_POOL_SIZE);
        // While the database is away a request waits this long for a connection, then gets a 503.
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.setMetricRegistry(registry);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresConnections(pool, pool, () -> DriverManager.getConnection(jdbcUrl, user, password));
    }

    /** Connections from {@code dataSource}, the schema migrated; closing this leaves {@code dataSource} open. */
    static PostgresConnections over(DataSource dataSource) {
        migrate(dataSource);
        return new PostgresConnections(dataSource, null, dataSource::getConnection);
    }

    private static void migrate(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (SchemaHistory.isCurrent(connection, "db/postgres")) {
                return;
            }
        } catch (SQLException e) {
            // Flyway reports what is wrong with the database.
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/postgres")
                .javaMigrations(new SignedPartBackfill())
                .load()
                .migrate();
    }

    /**
     * A connection that is not the pool's, for a holder that keeps it open for long (a LISTEN); from a data source
     * handed in, one of its connections.
     */
    Connection openUnpooled() throws SQLException {
        return unpooled.open();
    }

    /** Runs {@code work} in autocommit mode: each statement sees the latest commit. */
    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        }
    }

    /** Runs {@code work} in one transaction, committed before this returns and rolled back if it throws. */
    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                restoreAutoCommit(connection);
            }
        }
    }

    /**
     * A transaction-scoped advisory lock on the key's 64-bit hash. Keys that share a hash only wait for each other
     * needlessly. In READ COMMITTED, the statements after it see every transaction that held the lock before.
     */
    @Override
    public void lockUntilCommit(Connection connection, String key) throws SQLException {
        Sql.of("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))").bind("key", key)
                .query(connection, rs -> Boolean.TRUE);
    }

    /**
     * Every key's lock in one round trip, taken in the order of the keys' hashes: the locks are on the hashes, so
     * that is the one order every transaction shares, and overlapping sets never wait on each other in a cycle.
     */
    @Override
    public void lockAllUntilCommit(Connection connection, Collection<String> keys) throws SQLException {
        Sql.of("SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h "
                + "FROM unnest(:keys::text[]) AS k ORDER BY h) AS hashes")
                .bind("keys", connection.createArrayOf("text", keys.toArray()))
                .query(connection, rs -> Boolean.TRUE);
    }

    private static void rollback(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection connection) {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // The transaction has ended either way; a pool validates or discards the connection it gets back.
        }
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    /**
     * No connection from the pool in time, a connection lost (SQLState class 08), the server shutting down or not
     * accepting connections yet (57P01..57P03), or out of resources such as disk (class 53).
     */
    @Override
    public boolean unavailable(SQLException failure) {
        String state = failure.getSQLState();
        return failure instanceof SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || state.startsWith("57P0") || state.startsWith("53")));
    }

    @Override
    public void close() {
        if (ownedPool != null) {
            ownedPool.close();
        }
    }
}
