package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.testing.TestPki;
import dev.certreg.store.sqlite.SqliteBackup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certreg backup} while {@code certreg serve} registers certificates, then the documented restore: the copy
 * as {@code certreg.db} beside the original {@code marker.key} and {@code issuing-ca.pem}. Every certificate
 * acknowledged before the backup began is served by the restored registry.
 */
@Timeout(300)
class BackupRestoreTest {
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/iot/"
            + "aws4_request, SignedHeaders=host, Signature=00";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBackupTakenUnderLoadRestoresEveryCertificateAcknowledgedBeforeIt() throws Exception {
        Path dataDir = work.resolve("data");
        Path backup = work.resolve("certreg-backup.db");
        List<String> before = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            for (int i = 0; i < 20; i++) {
                before.add(register(server.endpoint(), "before-" + i));
            }
            AtomicBoolean loading = new AtomicBoolean(true);
            CompletableFuture<Integer> load = CompletableFuture.supplyAsync(() -> {
                int registered = 0;
                while (loading.get()) {
                    register(server.endpoint(), "during-" + registered++);
                }
                return registered;
            });

            int exit = Main.commandLine().execute("backup", "--data-dir", dataDir.toString(), "--to",
                    backup.toString());
            loading.set(false);

            assertThat(exit).isZero();
            assertThat(load.get()).isPositive();
            server.terminate();
            assertThat(server.awaitExit(Duration.ofSeconds(60))).isZero();
        }
        assertThat(SqliteBackup.integrityCheck(backup)).isEqualTo("ok");

        Path restored = work.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(backup, restored.resolve("certreg.db"));
        Files.copy(dataDir.resolve("marker.key"), restored.resolve("marker.key"));
        Files.copy(dataDir.resolve("issuing-ca.pem"), restored.resolve("issuing-ca.pem"));
        try (ServerProcess server = ServerProcess.start(restored)) {
            for (String id : before) {
                assertThat(get(server.endpoint(), "/certificates/" + id).statusCode()).as(id).isEqualTo(200);
            }
        }
    }

    private String register(URI endpoint, String name) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            endpoint.resolve("/certificate/register-no-ca")).header("Authorization", AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of(
                            "certificatePem", TestPki.selfSignedLeaf(name).pem(), "status", "ACTIVE")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body()).path("certificateId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(URI endpoint, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(endpoint.resolve(path)).header("Authorization", AUTHORIZATION)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
