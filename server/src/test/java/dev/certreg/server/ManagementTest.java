package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.testing.TestPki;
import dev.certreg.server.sigv4.Credentials;
import dev.certreg.server.sigv4.Regions;
import dev.certreg.server.sigv4.SigV4Authenticator;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations endpoints over real HTTP: unsigned health and readiness even behind SigV4, Prometheus text whose
 * every sample line parses, request counts by operation and status, store and group-commit metrics, certificate
 * counts by status, and a separate management listener that serves nothing else.
 */
@Timeout(60)
class ManagementTest {
    /** A sample line of the Prometheus text format: a name, optional labels, a value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})? "
                    + "(-?[0-9.eE+-]+|NaN|[+-]Inf)");
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/iot/"
            + "aws4_request, SignedHeaders=host, Signature=00";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CREDENTIALS = "[AKIDMANAGEMENT]\naws_secret_access_key = secret\n";

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private SqliteCertificateStore store;
    private CertregServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        store.close();
    }

    @Test
    void healthAndReadinessAnswerUnsignedBehindSigV4() throws Exception {
        start(new SigV4Authenticator(Credentials.parse(CREDENTIALS), Regions.any(), Clock.systemUTC()),
                Management.ON_API_PORT);

        assertThat(get(server.endpoint(), "/health").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = get(server.endpoint(), "/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"UP\"");
        assertThat(get(server.endpoint(), "/metrics").statusCode()).isEqualTo(200);
        HttpResponse<String> api = get(server.endpoint(), "/registrationcode");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void readinessIs503OnceTheStoreStopsAnswering() throws Exception {
        start(new OpenAuthenticator(), Management.ON_API_PORT);
        store.close();

        HttpResponse<String> ready = get(server.endpoint(), "/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"DOWN\"").doesNotContain("SQL");
        assertThat(get(server.endpoint(), "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsAreValidPrometheusTextCountingRequestsByOperationAndStatus() throws Exception {
        start(new OpenAuthenticator(), Management.ON_API_PORT);
        api(server.endpoint(), "/registrationcode");
        api(server.endpoint(), "/registrationcode");
        api(server.endpoint(), "/no-such-operation");
        String pem = TestPki.selfSignedLeaf("device").pem();
        HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
                        server.endpoint().resolve("/certificate/register-no-ca")).header("Authorization", AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("certificatePem", pem, "status", "ACTIVE")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).isEqualTo(200);

        HttpResponse<String> scrape = get(server.endpoint(), "/metrics");

        assertThat(scrape.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain; version=0.0.4"));
        Map<String, Double> samples = parse(scrape.body());
        assertThat(samples).containsEntry(
                "certreg_requests_seconds_count{operation=\"GetRegistrationCode\",status=\"200\"}", 2.0);
        assertThat(samples).containsEntry("certreg_requests_seconds_count{operation=\"-\",status=\"404\"}", 1.0);
        assertThat(samples).containsKey(
                "certreg_requests_seconds_bucket{operation=\"GetRegistrationCode\",status=\"200\",le=\"0.005\"}");
        assertThat(samples.get("certreg_store_seconds_count{kind=\"write\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(samples.get("certreg_sqlite_commit_batch_writes_count")).isGreaterThanOrEqualTo(1.0);
        assertThat(samples).containsEntry("certreg_certificates{status=\"ACTIVE\"}", 1.0);
        assertThat(samples).containsEntry("certreg_certificates{status=\"REVOKED\"}", 0.0);
        // The JVM's own meters name the collector's spaces, which differ between collectors.
        assertThat(samples.keySet()).anyMatch(key -> key.startsWith("jvm_memory_used_bytes{area=\"heap\""));
    }

    @Test
    void aManagementPortServesTheEndpointsAndNothingElseWhileTheApiPortServesNoneOfThem() throws Exception {
        start(new OpenAuthenticator(), 0);
        URI management = server.managementEndpoint();
        assertThat(management.getPort()).isNotEqualTo(server.endpoint().getPort());

        assertThat(get(management, "/health").statusCode()).isEqualTo(200);
        assertThat(get(management, "/health/ready").statusCode()).isEqualTo(200);
        assertThat(get(management, "/metrics").statusCode()).isEqualTo(200);
        assertThat(api(management, "/registrationcode").statusCode()).isEqualTo(404);
        HttpResponse<String> onApi = api(server.endpoint(), "/metrics");
        assertThat(onApi.statusCode()).isEqualTo(404);
        assertThat(onApi.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(api(server.endpoint(), "/registrationcode").statusCode()).isEqualTo(200);
    }

    private void start(Authenticator authenticator, int managementPort) throws Exception {
        store = SqliteCertificateStore.open(dataDir, registry);
        server = CertregServer.start(new ServerSettings("127.0.0.1", 0, authenticator, new byte[32], 8), store,
                Clock.systemUTC(), new Management(registry, managementPort));
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a credential scope, which the open authenticator reads the account and region from. */
    private HttpResponse<String> api(URI base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).GET().header("Authorization", AUTHORIZATION).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every line a comment or a sample that parses; the samples by series. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : List.of(text.split("\n"))) {
            if (line.isEmpty() || line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("sample line: %s", line).isTrue();
            samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                    Double.parseDouble(sample.group(3).replace("Inf", "Infinity")));
        }
        return samples;
    }
}
