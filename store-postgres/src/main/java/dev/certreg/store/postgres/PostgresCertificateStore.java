package dev.certreg.store.postgres;

import dev.certreg.core.CertificateStore;
import dev.certreg.store.jdbc.JdbcCertificateStore;
import javax.sql.DataSource;

/**
 * A {@link CertificateStore} on PostgreSQL, so that several registry nodes can share one database. The schema is
 * migrated by Flyway on open. Racing nodes get exactly one winner: the database's unique keys and conditional
 * updates decide. A write returns after its transaction is committed. Thread-safe.
 */
public final class PostgresCertificateStore extends JdbcCertificateStore {

    private PostgresCertificateStore(PostgresConnections db) {
        super(db);
    }

    /**
     * Opens the store at {@code jdbcUrl} (e.g. {@code jdbc:postgresql://db:5432/certreg}) through a HikariCP pool of
     * at most 10 connections, migrating the schema first. Closing the store closes the pool.
     */
    public static PostgresCertificateStore open(String jdbcUrl, String user, String password) {
        return new PostgresCertificateStore(PostgresConnections.pooled(jdbcUrl, user, password));
    }

    /**
     * Opens the store over connections from {@code dataSource} (pooled by the caller, handing out connections in
     * autocommit mode, the JDBC default), migrating the schema first. Closing the store leaves {@code dataSource}
     * open.
     */
    public static PostgresCertificateStore open(DataSource dataSource) {
        return new PostgresCertificateStore(PostgresConnections.over(dataSource));
    }
}
