package dev.certreg.store.jdbc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The columns a statement writes, each next to its value, and the SQL that writes them: {@link #insert()} gives
 * {@code (a, b) VALUES (:a, :b)} and {@link #assignments()} gives {@code a = :a, b = :b}, each column bound by
 * its own name. Bind them with {@link Sql#bind(Columns)}. Reordering, adding or removing a column changes the
 * SQL and the values together, so no value can land in another column. Not thread-safe: build one per statement.
 *
 * <pre>{@code
 * Columns row = new Columns()
 *         .set("account", thing.scope().account())
 *         .set("region", thing.scope().region())
 *         .set("thing_name", thing.name());
 * Sql.of("INSERT INTO things " + row.insert() + " ON CONFLICT DO NOTHING").bind(row).update(connection);
 * }</pre>
 */
public final class Columns {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final Map<String, Object> values = new LinkedHashMap<>();

    /**
     * Adds {@code column} with {@code value} ({@code null} for SQL NULL).
     *
     * @throws IllegalArgumentException if the column is already set or is not a lower-case SQL identifier
     */
    public Columns set(String column, Object value) {
        if (!NAME.matcher(column).matches()) {
            throw new IllegalArgumentException("Not a column name: " + column);
        }
        if (values.containsKey(column)) {
            throw new IllegalArgumentException("Column " + column + " is set twice");
        }
        values.put(column, value);
        return this;
    }

    /** Adds each of {@code more}, as {@link #set(String, Object)}. */
    public Columns setAll(Columns more) {
        more.values.forEach(this::set);
        return this;
    }

    /** {@code (a, b) VALUES (:a, :b)}, for {@code INSERT INTO table ...}. */
    public String insert() {
        requireSome();
        return "(" + String.join(", ", values.keySet()) + ") VALUES ("
                + values.keySet().stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
    }

    /** {@code a = :a, b = :b}, for {@code UPDATE table SET ...}. */
    public String assignments() {
        requireSome();
        return values.keySet().stream().map(c -> c + " = :" + c).collect(Collectors.joining(", "));
    }

    /** The columns and their values, in the order they were set. */
    Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    private void requireSome() {
        if (values.isEmpty()) {
            throw new IllegalStateException("No columns are set");
        }
    }
}
