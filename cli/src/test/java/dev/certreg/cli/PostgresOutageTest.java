package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.testing.TestPki;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped under a running {@code certreg serve} while a client registers certificates: requests answer
 * 503 ServiceUnavailableException in AWS's error shape within the pool's timeout (never 500, never a hang), and
 * once PostgreSQL is back on the same port the same server process serves again by itself, with every registration
 * it acknowledged before, during and after the outage.
 */
@Timeout(300)
class PostgresOutageTest {
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(60);

    @TempDir
    Path databaseDir;

    @TempDir
    Path dataDir;

    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<Integer> statuses = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unavailable = new AtomicInteger();

    @Test
    void aStoppedDatabaseAnswers503AndTheServerRecoversByItself() throws Exception {
        int port = freePort();
        EmbeddedPostgres postgres = start(port);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try (ServerProcess server = ServerProcess.start(dataDir, "--store", "postgres", "--jdbc-url",
                postgres.getJdbcUrl("postgres", "postgres"), "--db-user", "postgres", "--no-mqtt")) {
            CrashApi api = new CrashApi(server.endpoint());
            Future<?> writes = writer.submit(() -> registerUntilStopped(api, running));
            awaitAcknowledged(5);

            postgres.close();
            CrashApi.Answer write = api.registerWithoutCa(TestPki.selfSignedLeaf("during").pem());
            CrashApi.Answer read = api.describe(CrashApi.SOURCE, acknowledged.iterator().next());
            for (CrashApi.Answer answer : List.of(write, read)) {
                assertThat(answer.status()).as("%s", answer).isEqualTo(503);
                assertThat(answer.errorType()).isEqualTo("ServiceUnavailableException");
                assertThat(answer.body().path("__type").asText()).isEqualTo("ServiceUnavailableException");
                assertThat(answer.body().path("message").asText()).isNotBlank();
            }

            postgres = start(port);
            int before = acknowledged.size();
            awaitAcknowledged(before + 5);
            running.set(false);
            writes.get(60, TimeUnit.SECONDS);

            assertThat(statuses).as("statuses answered to the writer").isSubsetOf(200, 503);
            for (String id : acknowledged) {
                assertThat(api.describe(CrashApi.SOURCE, id).status()).as("certificate %s", id).isEqualTo(200);
            }
            System.out.println("PostgresOutageTest: " + acknowledged.size() + " acknowledged registrations, 0 lost; "
                    + unavailable.get() + " answered 503 while PostgreSQL was down");
        } finally {
            running.set(false);
            writer.shutdown();
            assertThat(writer.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            postgres.close();
        }
    }

    private void registerUntilStopped(CrashApi api, AtomicBoolean running) {
        for (int i = 0; running.get(); i++) {
            TestPki.Issued certificate = TestPki.selfSignedLeaf("outage-" + i);
            try {
                CrashApi.Answer answer = api.registerWithoutCa(certificate.pem());
                statuses.add(answer.status());
                if (answer.ok()) {
                    acknowledged.add(answer.body().path("certificateId").asText());
                } else if (answer.status() == 503) {
                    unavailable.incrementAndGet();
                }
            } catch (IOException e) {
                throw new AssertionError("the server did not answer within 30 s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void awaitAcknowledged(int count) {
        long deadline = System.nanoTime() + RECOVERY_BOUND.toNanos();
        while (acknowledged.size() < count) {
            assertThat(System.nanoTime()).as("%d acknowledged registrations within %s", count, RECOVERY_BOUND)
                    .isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private EmbeddedPostgres start(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(databaseDir).setCleanDataDirectory(false).setPort(port)
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
