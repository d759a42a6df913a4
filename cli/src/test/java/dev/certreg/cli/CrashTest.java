package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.Scope;
import dev.certreg.core.testing.TestPki;
import dev.certreg.store.sqlite.SqliteBackup;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certreg serve} killed with SIGKILL while clients register concurrently, at a random number of
 * acknowledgements, then started again on the same data: every registration that was answered 200 is there, and
 * the database passes {@code PRAGMA integrity_check}. The seed is printed so a failing run can be repeated.
 */
@Timeout(600)
class CrashTest {
    private static final int CYCLES = Integer.getInteger("certreg.crash.cycles", 3);
    private static final int CLIENTS = 4;
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/iot/"
            + "aws4_request, SignedHeaders=host, Signature=00";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    @Test
    void everyAcknowledgedRegistrationSurvivesSigkill() throws Exception {
        long seed = Long.getLong("certreg.crash.seed", System.nanoTime());
        System.out.println("CrashTest seed " + seed + ", " + CYCLES + " cycles");
        Random random = new Random(seed);
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            killDuringRegistrations(cycle, 5 + random.nextInt(40));
            try (SqliteCertificateStore store = SqliteCertificateStore.open(dataDir)) {
                for (String id : acknowledged) {
                    assertThat(store.findDeviceCertificate(SCOPE, id)).as("cycle %d, certificate %s", cycle, id)
                            .isPresent();
                }
            }
            assertThat(SqliteBackup.integrityCheck(dataDir.resolve(SqliteCertificateStore.FILE_NAME)))
                    .isEqualTo("ok");
        }
        System.out.println("CrashTest: " + CYCLES + " SIGKILL cycles, " + acknowledged.size()
                + " acknowledged registrations, 0 lost");
    }

    private void killDuringRegistrations(int cycle, int killAfter) throws Exception {
        Semaphore acks = new Semaphore(0);
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            for (int c = 0; c < CLIENTS; c++) {
                String prefix = "c" + cycle + "-" + c + "-";
                clients.execute(() -> {
                    for (int i = 0; running.get(); i++) {
                        if (register(server.endpoint(), prefix + i)) {
                            acks.release();
                        }
                    }
                });
            }
            assertThat(acks.tryAcquire(killAfter, 120, TimeUnit.SECONDS)).isTrue();
            server.kill();
            server.awaitExit(Duration.ofSeconds(30));
        } finally {
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** True if the registration was acknowledged (200); false for any failure, which promises nothing. */
    private boolean register(URI endpoint, String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            endpoint.resolve("/certificate/register-no-ca")).header("Authorization", AUTHORIZATION)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of(
                            "certificatePem", TestPki.selfSignedLeaf(name).pem(), "status", "ACTIVE")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            acknowledged.add(JSON.readTree(response.body()).path("certificateId").asText());
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
