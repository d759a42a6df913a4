package dev.certreg.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.TreeSet;

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

    /**
     * Makes the rest of the current write transaction exclusive among write transactions that lock the same
     * {@code key}, so that a check and the write it allows are one atomic step. Called first in a
     * {@link #write} unit of work; the lock is released when the transaction ends.
     */
    void lockUntilCommit(Connection connection, String key) throws SQLException;

    /**
     * {@link #lockUntilCommit(Connection, String)} for each of {@code keys}, always in one order whatever the order
     * given, so that two transactions locking overlapping sets never wait on each other in a cycle.
     */
    default void lockAllUntilCommit(Connection connection, Collection<String> keys) throws SQLException {
        for (String key : new TreeSet<>(keys)) {
            lockUntilCommit(connection, key);
        }
    }

    /** The database's name in failure messages, such as {@code PostgreSQL}. */
    String name();

    /**
     * What identifies {@code failure} in a message: by default its SQLState. Never the driver's message, which may
     * quote statements or row values.
     */
    default String failureCode(SQLException failure) {
        return failure.getSQLState() == null ? "no SQLState" : "SQLState " + failure.getSQLState();
    }

    /**
     * Whether {@code failure} says the database cannot serve for now (a full disk, an I/O error, a lost connection)
     * rather than that the work was wrong: the server answers such failures with ServiceUnavailableException, and the
     * same request may succeed later.
     */
    default boolean unavailable(SQLException failure) {
        return false;
    }

    /** Releases what this opened; work run afterwards fails. */
    @Override
    void close();
}
