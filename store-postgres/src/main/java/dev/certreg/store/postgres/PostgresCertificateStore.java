package dev.certreg.store.postgres;

import dev.certreg.core.CertificateStore;
import dev.certreg.store.jdbc.JdbcCertificateStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import javax.sql.DataSource;

/**
 * A {@link CertificateStore} on PostgreSQL, so that several registry nodes can share one database. The schema is
 * migrated by Flyway on open. Racing nodes get exactly one winner: the database's unique keys and conditional
 * updates decide. A write returns after its transaction is committed. Thread-safe.
 */
public final class PostgresCertificateStore extends JdbcCertificateStore {

    private PostgresCertificateStore(PostgresConnections db, MeterRegistry registry) {
        super(db, registry);
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
}
