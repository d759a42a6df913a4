package dev.certreg.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps the current row of a result set, read by column name.
 *
 * @param <T> what a row becomes
 */
@FunctionalInterface
public interface RowMapper<T> {
    /** The current row of {@code rs} as a {@code T}; must not move the cursor. */
    T map(ResultSet rs) throws SQLException;
}
