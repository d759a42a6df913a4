package dev.certreg.store.jdbc;

import java.sql.SQLException;

/**
 * The connections of one database, as a store module provides them to {@link JdbcCertificateStore}: how work is
 * run, not what it does. Implementations are thread-safe.
 */
public interface Database extends AutoCloseable {

    /** Runs {@code work} in autocommit mode: each statement sees the latest commit. */
    <T> T read(SqlWork<T> work) throws SQLException;

    /**
     * Runs {@code work} as one transaction, committed and durable when this returns. If {@code work} throws, none of
     * its changes are kept and this throws what it threw.
     */
    <T> T write(SqlWork<T> work) throws SQLException;

    /** The database's name in failure messages, such as {@code PostgreSQL}. */
    String name();

    /**
     * What identifies {@code failure} in a message: by default its SQLState. Never the driver's message, which may
     * quote statements or row values.
     */
    default String failureCode(SQLException failure) {
        return failure.getSQLState() == null ? "no SQLState" : "SQLState " + failure.getSQLState();
    }

    /** Releases what this opened; work run afterwards fails. */
    @Override
    void close();
}
