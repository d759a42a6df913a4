package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Input with two readings is refused rather than resolved one way: repeated query parameters, lone surrogates. */
@Timeout(30)
class AmbiguousInputTest {
    private static final String AUTHORIZATION = "Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/"
            + "us-east-1/iot/aws4_request, SignedHeaders=host, Signature=00\r\n";

    @TempDir
    Path dataDir;

    private SqliteCertificateStore store;
    private CertregServer server;

    @BeforeEach
    void start() throws Exception {
        store = SqliteCertificateStore.open(dataDir);
        server = CertregServer.start(new ServerSettings("127.0.0.1", 0, new OpenAuthenticator(), new byte[32], 8),
                store, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void aQueryParameterGivenTwiceIsRefused() throws IOException {
        assertThat(exchange("GET /certificates?pageSize=2&pageSize=999 HTTP/1.1\r\nHost: x\r\n" + AUTHORIZATION
                + "Connection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("InvalidRequestException")
                .contains("The query parameter pageSize is given more than once");
        assertThat(exchange("GET /certificates?pageSize=2 HTTP/1.1\r\nHost: x\r\n" + AUTHORIZATION
                + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    @Test
    void aLoneSurrogateInAStringIsRefusedButAPairIsNot() throws IOException {
        assertThat(update("{\"registrationConfig\":{\"templateBody\":\"a\\ud800b\"}}"))
                .startsWith("HTTP/1.1 400").contains("unpaired UTF-16 surrogate");
        assertThat(update("{\"registrationConfig\":{\"templateBody\":\"\\udc00\"}}"))
                .startsWith("HTTP/1.1 400").contains("unpaired UTF-16 surrogate");
        assertThat(update("{\"registrationConfig\":{\"templateBody\":\"\\ud83d\\ude00\"}}"))
                .startsWith("HTTP/1.1 404").contains("ResourceNotFoundException");
    }

    private String update(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange("PUT /cacertificate/" + "a".repeat(64) + " HTTP/1.1\r\nHost: x\r\n" + AUTHORIZATION
                + "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n"
                + body);
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(server.endpoint().getHost(), server.endpoint().getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
