package dev.certreg.store.sqlite;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a connection's prepared statements for the next use of the same SQL text. SQLite's driver compiles the
 * statement again at every {@code prepareStatement}, which is a visible part of a short read (a page, a device's
 * admission). The cache hands out a view of the connection whose {@code prepareStatement(String)} returns the kept
 * statement when it is free, and whose statements' {@code close()} gives them back instead of closing them; a text
 * asked for while its statement is in use gets a statement of its own, closed as usual. Given back, a statement has
 * no result set open and no parameters bound, so it holds no read snapshot between uses. The least recently used of
 * more than {@link #CAPACITY} texts is closed. Closing the view closes the statements and the connection.
 *
 * <p>Not thread-safe, as the connection is not: one thread uses a connection at a time.
 */
final class StatementCache {
    static final int CAPACITY = 64;

    private final Connection connection;
    private final Map<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            eldest.getValue().evicted();
            return true;
        }
    };

    private StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** A view of {@code connection} that keeps its prepared statements. */
    static Connection of(Connection connection) {
        StatementCache cache = new StatementCache(connection);
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> cache.onConnection(method, args));
    }

    private Object onConnection(Method method, Object[] args) throws Throwable {
        if (method.getName().equals("prepareStatement") && args != null && args.length == 1
                && args[0] instanceof String sql) {
            return prepare(sql);
        }
        if (method.getName().equals("close") && args == null) {
            closeAll();
        }
        return invoke(connection, method, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Kept statement = kept.get(sql);
        if (statement == null || statement.evicted) {
            statement = new Kept(connection.prepareStatement(sql));
            kept.put(sql, statement);
        } else if (statement.inUse) {
            return connection.prepareStatement(sql);
        }
        statement.inUse = true;
        return statement.view;
    }

    private void closeAll() {
        List<Kept> all = new ArrayList<>(kept.values());
        kept.clear();
        for (Kept statement : all) {
            statement.evicted();
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One kept statement and the view of it that is handed out. */
    private static final class Kept {
        final PreparedStatement statement;
        final PreparedStatement view;
        boolean inUse;
        boolean evicted;
        @Nullable ResultSet open;

        Kept(PreparedStatement statement) {
            this.statement = statement;
            this.view = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> onStatement(method, args));
        }

        private Object onStatement(Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close") && args == null) {
                givenBack();
                return null;
            }
            if (name.equals("isClosed") && args == null) {
                return !inUse || statement.isClosed();
            }
            Object result = invoke(statement, method, args);
            if (name.equals("executeQuery") && args == null) {
                open = (ResultSet) result;
            } else if (name.startsWith("execute")) {
                // Only queries are kept: whatever else ran is closed when given back.
                evicted = true;
            }
            return result;
        }

        /** Back from its user: its result set closed (the driver then resets the statement), parameters cleared. */
        private void givenBack() throws SQLException {
            if (!inUse) {
                return;
            }
            inUse = false;
            try {
                if (open != null) {
                    open.close();
                    open = null;
                }
                if (!evicted) {
                    statement.clearParameters();
                }
            } catch (SQLException e) {
                evicted = true;
                throw e;
            } finally {
                if (evicted) {
                    statement.close();
                }
            }
        }

        /** Dropped from the cache: closed now, or when its user gives it back. */
        void evicted() {
            evicted = true;
            if (!inUse) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // Closing is best effort: a statement that cannot close is gone with its connection.
                }
            }
        }
    }
}
