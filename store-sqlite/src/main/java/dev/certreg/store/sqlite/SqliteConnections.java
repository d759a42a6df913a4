package dev.certreg.store.sqlite;

import dev.certreg.store.jdbc.Database;
import dev.certreg.store.jdbc.SchemaHistory;
import dev.certreg.store.jdbc.SignedPartBackfill;
import dev.certreg.store.jdbc.SqlWork;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * The connections to one SQLite file: a single writer behind a group-commit queue (SQLite admits one writer at a
 * time, so writers queue here rather than on the file lock) and a small pool of readers, which WAL lets run beside
 * the writer, each keeping its prepared statements ({@link StatementCache}). Thread-safe.
 */
final class SqliteConnections implements Database {
    private static final int BUSY_TIMEOUT_MS = 10_000;

    private final GroupCommitWriter writer;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> all = new ArrayList<>();

    SqliteConnections(Path file, int readerCount, MeterRegistry registry) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        EmptySchema.copyIfAbsent(file);
        migrate(url);
        try {
            writer = new GroupCommitWriter(open(url, false), registry);
            readers = new ArrayBlockingQueue<>(readerCount);
            for (int i = 0; i < readerCount; i++) {
                readers.add(StatementCache.of(open(url, true)));
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("Cannot open the SQLite database " + file, e);
        }
    }

    static void migrate(String url) {
        try (Connection connection = new SQLiteConfig().createConnection(url)) {
            if (SchemaHistory.isCurrent(connection, "db/sqlite")) {
                return;
            }
        } catch (SQLException e) {
            // Flyway reports what is wrong with the file.
        }
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/sqlite")
                .javaMigrations(new SignedPartBackfill())
                .load()
                .migrate();
    }

    private Connection open(String url, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        Connection connection = config.createConnection(url);
        all.add(connection);
        if (!readOnly) {
            connection.setAutoCommit(false);
        }
        return connection;
    }

    /**
     * Runs {@code work} in one write transaction, committed (and on disk) before this returns. The transaction is a
     * savepoint in the writer's current batch, so its changes are kept or dropped alone.
     */
    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        return writer.write(work);
    }

    /** Nothing to do: the one writer runs write transactions one after another, so each is already exclusive. */
    @Override
    public void lockUntilCommit(Connection connection, String key) {
        // Exclusive by construction.
    }

    /** Runs {@code work} on a reader connection in autocommit mode: each statement sees the latest commit. */
    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        Connection connection = takeReader();
        try {
            return work.run(connection);
        } finally {
            readers.add(connection);
        }
    }

    private Connection takeReader() {
        try {
            return readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a database connection", e);
        }
    }

    @Override
    public String name() {
        return "SQLite";
    }

    /** The SQLite result code's name, such as {@code SQLITE_CONSTRAINT_NOTNULL}; the driver sets no SQLState. */
    @Override
    public String failureCode(SQLException failure) {
        return failure instanceof SQLiteException sqlite
                ? sqlite.getResultCode().name()
                : Database.super.failureCode(failure);
    }

    /** A full disk, an I/O error, a lock held too long or a file that cannot be opened: none is the request's fault. */
    @Override
    public boolean unavailable(SQLException failure) {
        if (!(failure instanceof SQLiteException sqlite)) {
            return false;
        }
        String code = sqlite.getResultCode().name();
        return code.equals("SQLITE_FULL") || code.startsWith("SQLITE_IOERR") || code.startsWith("SQLITE_BUSY")
                || code.startsWith("SQLITE_CANTOPEN");
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            writer.close();
        }
        for (Connection connection : all) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing is best effort: the file stays consistent whatever a close reports.
            }
        }
    }
}
