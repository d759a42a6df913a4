package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.store.sqlite.SqliteBackup;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certreg serve} killed with SIGKILL at a random moment while clients register, update, transfer (accept,
 * reject, cancel) and delete certificates concurrently, then started again on the same data: every change answered
 * 2xx is visible through the API unless a later change of the same certificate superseded it, and SQLite passes
 * {@code PRAGMA integrity_check}. Runs on SQLite and on PostgreSQL. {@code -Dcertreg.crash.cycles=N} sets the
 * cycles per store (20 by default, 200 in the full run of the README's Reliability section) and
 * {@code -Dcertreg.crash.seed=S} repeats a run: the seed is printed.
 */
@Timeout(1800)
class CrashTest {
    private static final int CYCLES = Integer.getInteger("certreg.crash.cycles", 20);
    private static final int CLIENTS = 4;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedChangeSurvivesSigkillOnSqlite() throws Exception {
        run("sqlite");
    }

    @Test
    void everyAcknowledgedChangeSurvivesSigkillOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            run("postgres", "--store", "postgres", "--jdbc-url", postgres.getJdbcUrl("postgres", "postgres"),
                    "--db-user", "postgres");
        }
    }

    private void run(String store, String... storeOptions) throws Exception {
        // The registry's durability is under test, not the device endpoint: without it a restart is quicker.
        String[] options = Stream.concat(Stream.of(storeOptions), Stream.of("--no-mqtt")).toArray(String[]::new);
        long seed = Long.getLong("certreg.crash.seed", System.nanoTime());
        System.out.println("CrashTest " + store + ": seed " + seed + ", " + CYCLES + " cycles");
        Random random = new Random(seed);
        List<CrashClient> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(new CrashClient("c" + c, new Random(random.nextLong())));
        }
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            try (ServerProcess server = ServerProcess.start(dataDir, options)) {
                checkAcknowledged(clients, server, false);
                killDuringChanges(clients, server, 5 + random.nextInt(40));
            }
            if (store.equals("sqlite")) {
                assertThat(SqliteBackup.integrityCheck(dataDir.resolve(SqliteCertificateStore.FILE_NAME)))
                        .as("cycle %d", cycle).isEqualTo("ok");
            }
        }
        try (ServerProcess server = ServerProcess.start(dataDir, options)) {
            checkAcknowledged(clients, server, true);
        }
        long acknowledged = clients.stream().mapToLong(CrashClient::acknowledged).sum();
        System.out.println("CrashTest " + store + ": " + CYCLES + " SIGKILL cycles, " + acknowledged
                + " acknowledged changes, 0 lost; " + clients.stream().mapToLong(CrashClient::checked).sum()
                + " certificate states checked");
    }

    /** The last acknowledged state (or the unacknowledged change in flight) of each certificate, through the API. */
    private static void checkAcknowledged(List<CrashClient> clients, ServerProcess server, boolean everything) {
        CrashApi api = new CrashApi(server.endpoint());
        for (CrashClient client : clients) {
            client.check(api, everything);
        }
    }

    private static void killDuringChanges(List<CrashClient> clients, ServerProcess server, int killAfter)
            throws Exception {
        Semaphore acks = new Semaphore(0);
        AtomicBoolean running = new AtomicBoolean(true);
        CrashApi api = new CrashApi(server.endpoint());
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (CrashClient client : clients) {
                runs.add(pool.submit(() -> client.changeUntilFailure(api, running, acks)));
            }
            assertThat(acks.tryAcquire(killAfter, 120, TimeUnit.SECONDS)).as("acknowledgements before the kill")
                    .isTrue();
            server.kill();
            server.awaitExit(Duration.ofSeconds(30));
            running.set(false);
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
