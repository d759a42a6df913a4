package dev.certreg.store.sqlite;

import dev.certreg.store.jdbc.SqlWork;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one thread that writes to the database. Writes queued while a commit is on its way to disk are committed
 * together: one fsync per batch instead of one per write. Each write runs in its own savepoint, so a failing write
 * (a value a constraint refuses, say) is rolled back alone; each caller is answered only after its batch is durable.
 * Thread-safe.
 */
final class GroupCommitWriter implements AutoCloseable {
    private static final int MAX_BATCH = 128;
    /** How long a caller waits for its commit before it is told the writer is stuck. */
    private static final Duration DEFAULT_COMMIT_TIMEOUT = Duration.ofSeconds(60);

    private final Connection connection;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final DistributionSummary batchSizes;
    private final Duration commitTimeout;
    private final Object admission = new Object();
    private volatile boolean closed;

    GroupCommitWriter(Connection connection, MeterRegistry registry) {
        this(connection, registry, DEFAULT_COMMIT_TIMEOUT);
    }

    GroupCommitWriter(Connection connection, MeterRegistry registry, Duration commitTimeout) {
        this.connection = connection;
        this.commitTimeout = commitTimeout;
        this.batchSizes = DistributionSummary.builder("certreg.sqlite.commit.batch")
                .description("Writes committed together by one SQLite commit (one fsync)")
                .baseUnit("writes")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, MAX_BATCH)
                .register(registry);
        this.thread = new Thread(this::run, "certreg-sqlite-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code work} in a write transaction and returns once that transaction is committed; fails if the writer
     * is closed, or if the commit has not come within the commit timeout.
     */
    <T> T write(SqlWork<T> work) throws SQLException {
        Pending<T> pending = new Pending<>(work);
        // Checked and queued under the lock close() takes, so no write is queued after the thread's last look.
        synchronized (admission) {
            if (closed) {
                throw new SQLException("The store is closed");
            }
            queue.add(pending);
        }
        return pending.await(commitTimeout);
    }

    /** How many writes wait for the writer thread to take them into a batch. */
    int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending<?>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            batchSizes.record(batch.size());
            commit(batch);
            batch.clear();
        }
        queue.forEach(pending -> pending.result.completeExceptionally(new SQLException("The store is closed")));
    }

    private void commit(List<Pending<?>> batch) {
        List<Runnable> answers = new ArrayList<>();
        for (Pending<?> pending : batch) {
            answers.add(pending.runInSavepoint(connection));
        }
        try {
            connection.commit();
            answers.forEach(Runnable::run);
        } catch (SQLException e) {
            restartTransaction(e);
            batch.forEach(pending -> pending.result.completeExceptionally(e));
        }
    }

    /**
     * Leaves the connection in a new transaction after a failed commit. On a full disk or an I/O error SQLite rolls
     * the transaction back itself, so the driver's rollback, which would begin the next transaction, fails; without
     * a new BEGIN every later write ran outside a transaction and failed to commit ("no transaction is active")
     * until a restart. Toggling auto-commit makes the driver commit nothing and begin again.
     */
    private void restartTransaction(SQLException failure) {
        try {
            connection.rollback();
            return;
        } catch (SQLException alreadyRolledBack) {
            // SQLite ended the transaction; begin the next one below.
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException nothingToCommit) {
            // The driver is in auto-commit mode now, which is all this step is for.
        }
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        synchronized (admission) {
            closed = true;
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One queued write and the future its caller waits on. */
    private static final class Pending<T> {
        private final SqlWork<T> work;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Pending(SqlWork<T> work) {
            this.work = work;
        }

        /** Runs the work; returns how to answer the caller once the batch is committed. */
        Runnable runInSavepoint(Connection connection) {
            Savepoint savepoint = null;
            try {
                savepoint = connection.setSavepoint();
                T value = work.run(connection);
                connection.releaseSavepoint(savepoint);
                return () -> result.complete(value);
            } catch (SQLException | RuntimeException e) {
                rollback(connection, savepoint, e);
                return () -> result.completeExceptionally(e);
            }
        }

        private static void rollback(Connection connection, Savepoint savepoint, Exception cause) {
            if (savepoint == null) {
                return;
            }
            try {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }

        T await(Duration timeout) throws SQLException {
            try {
                return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new SQLException("No commit within " + timeout + "; the SQLite writer is stuck", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while waiting for a commit", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new SQLException(e.getCause());
            }
        }
    }
}
