package dev.certreg.store.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one JDBC connection. */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
