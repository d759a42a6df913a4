package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.x509.IssuingCa;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code certreg serve} as a child process: SIGTERM lets a request in flight finish, closes the store and exits 0;
 * {@code --log-format json} writes every line as JSON, one access line per request, and no PEM or signature.
 */
@Timeout(180)
class ServeLifecycleTest {
    private static final String SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
    private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/iot/"
            + "aws4_request, SignedHeaders=host;x-amz-date, Signature=" + SIGNATURE;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void sigtermLetsARequestInFlightFinishThenClosesTheStoreAndExitsZero() throws Exception {
        byte[] body = registration("in-flight");
        String response;
        try (ServerProcess server = ServerProcess.start(dataDir);
                Socket socket = new Socket(server.endpoint().getHost(), server.endpoint().getPort())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(("POST /certificate/register-no-ca HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + AUTHORIZATION + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // The server asks for the body only once the handler reads it: the request is in flight.
            assertThat(head(in)).startsWith("HTTP/1.1 100");

            server.terminate();
            server.awaitStderr(line -> line.contains("stopping"));
            out.write(body);
            out.flush();
            response = head(in);

            assertThat(server.awaitExit(Duration.ofSeconds(60))).isZero();
            assertThat(server.stderrLines()).anySatisfy(line -> assertThat(line).contains("stopped cleanly"));
        }
        assertThat(response).startsWith("HTTP/1.1 200");
        try (SqliteCertificateStore store = SqliteCertificateStore.open(dataDir)) {
            assertThat(store.countDeviceCertificatesByStatus()).containsEntry(CertificateStatus.ACTIVE, 1L);
        }
    }

    @Test
    void aFirstStartIssuesUnderTheIssuingCaItWritesToTheDataDirectory() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String certificatePem;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            server.endpoint().resolve("/keys-and-certificate?setAsActive=true"))
                    .header("Authorization", AUTHORIZATION)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
            certificatePem = JSON.readTree(created.body()).get("certificatePem").asText();
            server.terminate();
            assertThat(server.awaitExit(Duration.ofSeconds(60))).isZero();
        }
        IssuingCa written = IssuingCa.fromPem(Files.readString(dataDir.resolve(IssuingCaFile.FILE_NAME)));
        X509Certificate issued = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
        issued.verify(written.publicKey());
    }

    @Test
    void aFirstStartStoppedAtOnceHasWrittenItsIssuingCa() throws Exception {
        // The CA of a first start is made after the server answers; a stop waits for it to be written.
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            server.terminate();
            assertThat(server.awaitExit(Duration.ofSeconds(60))).isZero();
        }
        assertThat(IssuingCa.fromPem(Files.readString(dataDir.resolve(IssuingCaFile.FILE_NAME))).publicKey())
                .isNotNull();
    }

    @Test
    void jsonLogsHaveOneAccessLinePerRequestAndNeitherPemNorSignature() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> registered;
        List<String> lines;
        try (ServerProcess server = ServerProcess.start(dataDir, "--log-format", "json", "--management-port", "0")) {
            registered = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/certificate/register-no-ca"))
                            .header("Authorization", AUTHORIZATION)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(registration("logged"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            URI health = server.managementEndpoint().resolve("/health");
            assertThat(http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            server.terminate();
            assertThat(server.awaitExit(Duration.ofSeconds(60))).isZero();
            lines = server.stderrLines();
        }
        assertThat(registered.statusCode()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(JSON.readTree(line));
            assertThat(line).doesNotContain("BEGIN CERTIFICATE").doesNotContain(SIGNATURE);
        }
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("message").asText()).isEqualTo("serving");
            assertThat(event.path("management").asText()).startsWith("http://127.0.0.1:");
        });
        List<JsonNode> access = events.stream().filter(e -> e.path("logger").asText().equals("certreg.access"))
                .toList();
        assertThat(access).hasSize(1);
        JsonNode line = access.get(0);
        assertThat(line.path("operation").asText()).isEqualTo("RegisterCertificateWithoutCA");
        assertThat(line.path("account").asText()).isEqualTo("123456789012");
        assertThat(line.path("status").asText()).isEqualTo("200");
        assertThat(line.path("request_id").asText()).isEqualTo(registered.headers().firstValue("x-amzn-RequestId")
                .orElseThrow());
        assertThat(Double.parseDouble(line.path("latency_ms").asText())).isPositive();
    }

    private static byte[] registration(String name) throws IOException {
        return JSON.writeValueAsBytes(Map.of("certificatePem", TestPki.selfSignedLeaf(name).pem(), "status",
                "ACTIVE"));
    }

    /** The status line and headers of the next response, and its body if it has a Content-Length. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        while (!read.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            read.write(b);
        }
        String head = read.toString(StandardCharsets.ISO_8859_1);
        for (String header : head.split("\r\n", -1)) {
            if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(header.substring("content-length:".length()).trim());
                return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
            }
        }
        return head;
    }
}
