package dev.certreg.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SQL statement whose parameters are bound by name, in jdbi's {@code :name} style: the text says {@code WHERE
 * account = :account}, the caller says {@code bind("account", scope.account())}, and the statement is run with
 * {@code ?} in place of each name and the values in the order the names appear. A name may appear several times
 * and is bound once. The columns an INSERT or UPDATE writes are best given as {@link Columns}, which writes their
 * placeholders:
 *
 * <pre>{@code
 * Columns changed = new Columns()
 *         .set("status", thing.status())
 *         .set("customer_version", thing.version() + 1);
 * int updated = Sql.of("UPDATE things SET " + changed.assignments() + " WHERE account = :account AND "
 *                 + "region = :region AND thing_name = :thing_name AND customer_version = :expected_version")
 *         .bind(changed)
 *         .bind("account", scope.account())
 *         .bind("region", scope.region())
 *         .bind("thing_name", name)
 *         .bind("expected_version", expectedVersion)
 *         .update(connection);
 * }</pre>
 *
 * <p>Mistakes fail loudly before anything is sent to the database, with an {@link IllegalArgumentException}
 * naming the parameter: a name in the text that is not bound, a bound name the text does not use, and a name bound
 * twice (as when a WHERE name collides with a written column: give it another, such as {@code :expected_version}).
 * Names are letters, digits and underscores after a colon; a colon inside quotes, in a {@code --} comment or in
 * PostgreSQL's {@code ::} cast is not a parameter. An enum is bound as its {@link Enum#name() name}; everything else
 * as {@link PreparedStatement#setObject(int, Object)} takes it, {@code null} as SQL NULL.
 *
 * <p>Not thread-safe: build one per execution.
 */
public final class Sql {
    private final String text;
    private final String jdbcText;
    private final List<String> order;
    private final Map<String, Object> values = new LinkedHashMap<>();

    /**
     * The JDBC form of each text seen, so that a statement run again is not rewritten again. Most texts are
     * constants; the few built per call (an IN list of some length) are bounded in number, and past the bound texts
     * are rewritten each time.
     */
    private static final int MAX_CACHED_TEXTS = 1024;
    private static final Map<String, Rewritten> REWRITTEN = new ConcurrentHashMap<>();

    /** A text with {@code ?} for each {@code :name}, and the names in order. */
    private record Rewritten(String jdbcText, List<String> order) {
        static Rewritten of(String text) {
            List<String> names = new ArrayList<>();
            String jdbcText = NamedParameters.replace(text, names);
            return new Rewritten(jdbcText, List.copyOf(names));
        }
    }

    private Sql(String text, String jdbcText, List<String> order) {
        this.text = text;
        this.jdbcText = jdbcText;
        this.order = order;
    }

    /** A statement with {@code :name} parameters, none bound yet. */
    public static Sql of(String text) {
        Rewritten rewritten = REWRITTEN.get(text);
        if (rewritten == null) {
            rewritten = Rewritten.of(text);
            if (REWRITTEN.size() < MAX_CACHED_TEXTS) {
                REWRITTEN.putIfAbsent(text, rewritten);
            }
        }
        return new Sql(text, rewritten.jdbcText(), rewritten.order());
    }

    /** Binds {@code :name} to {@code value}; fails if the text has no {@code :name} or it is already bound. */
    public Sql bind(String name, Object value) {
        if (!order.contains(name)) {
            throw new IllegalArgumentException("The SQL has no parameter :" + name + ": " + text);
        }
        if (values.containsKey(name)) {
            throw new IllegalArgumentException("The SQL parameter :" + name + " is bound twice: " + text);
        }
        values.put(name, value instanceof Enum<?> e ? e.name() : value);
        return this;
    }

    /** Binds each of {@code columns} to its parameter of the same name, as {@link #bind(String, Object)}. */
    public Sql bind(Columns columns) {
        columns.values().forEach(this::bind);
        return this;
    }

    /** The names of the parameters, each once, in the order they first appear. */
    public Set<String> parameterNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(order));
    }

    /** Runs an INSERT, UPDATE or DELETE; returns how many rows it changed. */
    public int update(Connection connection) throws SQLException {
        try (PreparedStatement statement = prepare(connection)) {
            return statement.executeUpdate();
        }
    }

    /**
     * Runs this INSERT, UPDATE or DELETE once for each of {@code rows}, as one JDBC batch of one prepared statement:
     * each run binds what is bound already plus one row's columns, as {@link #bind(Columns)} would. Returns each
     * run's update count, in the order of {@code rows}. The same mistakes fail as with {@link #update}, for any row.
     */
    public int[] updateEach(Connection connection, List<Columns> rows) throws SQLException {
        List<Object[]> parameters = new ArrayList<>(rows.size());
        for (Columns row : rows) {
            Sql run = new Sql(text, jdbcText, order);
            run.values.putAll(values);
            run.bind(row);
            parameters.add(run.parameters());
        }
        try (PreparedStatement statement = connection.prepareStatement(jdbcText)) {
            for (Object[] values : parameters) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.addBatch();
            }
            return parameters.isEmpty() ? new int[0] : statement.executeBatch();
        }
    }

    /** Runs a query; returns its rows, each mapped by {@code mapper}. */
    public <T> List<T> query(Connection connection, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement statement = prepare(connection); ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    /** Runs a query; returns its first row, mapped by {@code mapper}, if it has one. */
    public <T> Optional<T> queryOne(Connection connection, RowMapper<T> mapper) throws SQLException {
        return query(connection, mapper).stream().findFirst();
    }

    /** The values in the order of the {@code ?} placeholders; fails if a parameter is not bound. */
    private Object[] parameters() {
        Object[] ordered = new Object[order.size()];
        for (int i = 0; i < ordered.length; i++) {
            String name = order.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("The SQL parameter :" + name + " is not bound: " + text);
            }
            ordered[i] = values.get(name);
        }
        return ordered;
    }

    private PreparedStatement prepare(Connection connection) throws SQLException {
        Object[] ordered = parameters();
        PreparedStatement statement = connection.prepareStatement(jdbcText);
        try {
            for (int i = 0; i < ordered.length; i++) {
                statement.setObject(i + 1, ordered[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
