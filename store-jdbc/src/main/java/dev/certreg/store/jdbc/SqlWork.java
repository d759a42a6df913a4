package dev.certreg.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of work on one JDBC connection, which it must neither close nor commit: the {@link Database} that runs it
 * owns the connection and the transaction.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface SqlWork<T> {
    /** Does the work on {@code connection}. */
    T run(Connection connection) throws SQLException;
}
