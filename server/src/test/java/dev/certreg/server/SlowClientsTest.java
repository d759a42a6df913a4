package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.x509.IssuingCa;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * Hostile clients over real sockets: slow bodies and slow headers do not starve the others, framing mistakes are
 * 400s in the API's shape, an HTTP version the server does not speak is a plain 505, and past the connection cap a
 * connection is refused at once.
 */
@Timeout(60)
class SlowClientsTest {
    /** Bounds every read: a test that waits this long has already failed. */
    private static final int READ_BOUND_MS = 15_000;
    private static final String SCOPE = "Credential=AKIDEXAMPLE/20260101/us-east-1/iot/aws4_request";

    @TempDir
    Path dataDir;

    private SqliteCertificateStore store;
    private CertregServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void aNormalRequestIsServedWhileSlowBodiesAndSlowHeadersHoldConnections() throws Exception {
        // Eight request threads: each slow body used to pin one, so 64 of them starved every other client.
        start(new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30), 10_000), 8);
        for (int i = 0; i < 64; i++) {
            send(open(), request("Content-Length: 4096\r\n") + "{");
        }
        for (int i = 0; i < 500; i++) {
            send(open(), "GET /registrationcode HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        }
        try (IotClient iot = client()) {
            assertThat(iot.getRegistrationCode(r -> {}).registrationCode()).hasSize(64);
        }
    }

    @Test
    void aConnectionWhoseHeadersNeverCompleteIsClosedAfterTheHeaderTimeout() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(30), 100), 8);
        Socket slow = open();
        send(slow, "GET /registrationcode HTTP/1.1\r\nHost: x\r\nX-Slow: ");
        assertThat(slow.getInputStream().read()).as("closed by the server").isEqualTo(-1);
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsRefusedWith400() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(1), 100), 8);
        Socket slow = open();
        send(slow, request("Content-Length: 100\r\n") + "{\"a\":");
        assertThat(response(slow)).startsWith("HTTP/1.1 400").contains("InvalidRequestException")
                .contains("did not arrive in time");
    }

    @Test
    void aTruncatedBodyAFinInsideAChunkOrABadChunkSizeIs400WithoutAStackTrace() throws Exception {
        start(HttpLimits.defaults(), 8);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String framing : List.of(request("Content-Length: 100\r\n") + "{\"a\":",
                    request("Transfer-Encoding: chunked\r\n") + "10\r\n{\"a\"",
                    request("Transfer-Encoding: chunked\r\n") + "zz\r\n{}\r\n0\r\n\r\n")) {
                Socket socket = open();
                send(socket, framing);
                socket.shutdownOutput();
                assertThat(response(socket)).as(framing).startsWith("HTTP/1.1 400")
                        .contains("InvalidRequestException").doesNotContain("InternalFailure");
            }
        } finally {
            System.setErr(original);
        }
        // At most the access log's line per request, and no stack trace.
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).doesNotContain("\tat ").doesNotContain("EofException");
        assertThat(log.lines()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void anHttpVersionTheServerDoesNotSpeakIsAPlain505() throws Exception {
        start(HttpLimits.defaults(), 8);
        for (String requestLine : List.of("GET /registrationcode HTTP/3.0\r\nHost: x\r\n\r\n",
                "GET /registrationcode\r\n\r\n")) {
            Socket socket = open();
            send(socket, requestLine);
            assertThat(response(socket)).as(requestLine).startsWith("HTTP/1.1 505")
                    .doesNotContain("InternalFailure").doesNotContain("x-amzn-ErrorType");
        }
    }

    @Test
    void pastTheConnectionCapANewConnectionIsClosedAtOnce() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(30), 3), 8);
        for (int i = 0; i < 3; i++) {
            Socket held = open();
            send(held, "GET /registrationcode HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 " + SCOPE
                    + ", SignedHeaders=host, Signature=00\r\n\r\n");
            assertThat(headOf(held)).startsWith("HTTP/1.1 200");
        }
        Socket refused = open();
        assertThat(refused.getInputStream().read()).as("closed at once").isEqualTo(-1);
    }

    private void start(HttpLimits limits, int maxThreads) throws Exception {
        if (store == null) {
            store = SqliteCertificateStore.open(dataDir);
        }
        server = CertregServer.start(new ServerSettings("127.0.0.1", 0, new OpenAuthenticator(), new byte[32],
                maxThreads, IssuingCa.generate(Clock.systemUTC()), limits), store,
                Clock.systemUTC());
    }

    private IotClient client() {
        return IotClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(Duration.ofMillis(READ_BOUND_MS)))
                .build();
    }

    private static String request(String framing) {
        return "PUT /cacertificate/" + "a".repeat(64) + " HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 "
                + SCOPE + ", SignedHeaders=host, Signature=00\r\n" + framing + "\r\n";
    }

    private Socket open() throws IOException {
        Socket socket = new Socket(server.endpoint().getHost(), server.endpoint().getPort());
        socket.setSoTimeout(READ_BOUND_MS);
        sockets.add(socket);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** Everything the server sends until it closes. */
    private static String response(Socket socket) throws IOException {
        return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    /** The status line and headers of one response on a connection that stays open. */
    private static String headOf(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        try {
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no response within the bound; got: " + head, e);
        }
        return head.toString();
    }
}
