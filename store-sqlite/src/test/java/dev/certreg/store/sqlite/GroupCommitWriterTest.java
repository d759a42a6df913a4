package dev.certreg.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit itself, and the writer's edges: writes racing close, and a caller whose commit does not come. */
class GroupCommitWriterTest {
    private static final int WRITERS = 4;

    @TempDir
    Path dir;

    @Test
    void writesQueuedBehindACommitAreCommittedTogetherAsOneBatch() throws Exception {
        int queued = 8;
        ExecutorService threads = Executors.newFixedThreadPool(queued + 1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Connection connection = open(0)) {
            GroupCommitWriter writer = new GroupCommitWriter(connection, registry);
            Future<Integer> first = threads.submit(() -> writer.write(c -> {
                holding.countDown();
                awaitQuietly(release);
                return insert(c);
            }));
            assertThat(holding.await(60, TimeUnit.SECONDS)).isTrue();
            List<Future<Integer>> others = new ArrayList<>();
            for (int i = 0; i < queued; i++) {
                others.add(threads.submit(() -> writer.write(GroupCommitWriterTest::insert)));
            }
            awaitQueued(writer, queued);
            release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            for (Future<Integer> other : others) {
                assertThat(other.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            }
            writer.close();
            DistributionSummary batches = registry.get("certreg.sqlite.commit.batch").summary();
            assertThat(batches.count()).isEqualTo(2);
            assertThat(batches.max()).isEqualTo(queued);
            assertThat(batches.totalAmount()).isEqualTo(queued + 1);
            assertThat(rows(connection)).isEqualTo(queued + 1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aWriteAfterCloseIsRefusedAtOnce() throws Exception {
        try (Connection connection = open(0)) {
            GroupCommitWriter writer = new GroupCommitWriter(connection, new SimpleMeterRegistry());
            writer.close();
            assertThatThrownBy(() -> writer.write(GroupCommitWriterTest::insert)).isInstanceOf(SQLException.class)
                    .hasMessage("The store is closed");
            assertThat(writer.queued()).isZero();
        }
    }

    @Test
    void writesRacingCloseAreEachAnsweredAndNoneWaitsForever() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int round = 0; round < 30; round++) {
                try (Connection connection = open(round)) {
                    GroupCommitWriter writer = new GroupCommitWriter(connection, new SimpleMeterRegistry());
                    CountDownLatch writing = new CountDownLatch(WRITERS);
                    List<Future<Integer>> answered = new ArrayList<>();
                    for (int t = 0; t < WRITERS; t++) {
                        answered.add(threads.submit(() -> writeUntilClosed(writer, writing)));
                    }
                    assertThat(writing.await(60, TimeUnit.SECONDS)).isTrue();
                    writer.close();
                    for (Future<Integer> writes : answered) {
                        assertThat(writes.get(30, TimeUnit.SECONDS)).as("round %d", round).isPositive();
                    }
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Writes until told the store is closed; counts {@code writing} down after its first write. */
    private static int writeUntilClosed(GroupCommitWriter writer, CountDownLatch writing) {
        int written = 0;
        try {
            while (written < 100_000) {
                writer.write(GroupCommitWriterTest::insert);
                if (written++ == 0) {
                    writing.countDown();
                }
            }
            throw new AssertionError("the writer never closed");
        } catch (SQLException e) {
            assertThat(e.getMessage()).isEqualTo("The store is closed");
            if (written == 0) {
                writing.countDown();
            }
            return written + 1;
        }
    }

    @Test
    void aCallerWhoseCommitDoesNotComeIsToldSoWithinTheTimeout() throws Exception {
        ExecutorService threads = Executors.newSingleThreadExecutor();
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Connection connection = open(0)) {
            GroupCommitWriter writer =
                    new GroupCommitWriter(connection, new SimpleMeterRegistry(), Duration.ofMillis(200));
            Future<Boolean> blocking = threads.submit(() -> writer.write(c -> {
                stuck.countDown();
                return awaitQuietly(release);
            }));
            assertThat(stuck.await(60, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> writer.write(c -> 1)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("the SQLite writer is stuck");
            release.countDown();
            // The stuck write's own caller was given up on just the same.
            assertThatThrownBy(() -> blocking.get(60, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(TimeoutException.class);
            writer.close();
        } finally {
            threads.shutdownNow();
        }
    }

    /** Waits, within a bound, until {@code count} writes wait behind the one being run. */
    private static void awaitQueued(GroupCommitWriter writer, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (writer.queued() < count) {
            assertThat(System.nanoTime()).as("%d writes queued", count).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static int insert(Connection c) throws SQLException {
        try (Statement statement = c.createStatement()) {
            return statement.executeUpdate("INSERT INTO t VALUES (1)");
        }
    }

    private static int rows(Connection c) throws SQLException {
        try (Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Connection open(int n) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("w" + n + ".db"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (n INTEGER)");
        }
        connection.setAutoCommit(false);
        return connection;
    }
}
