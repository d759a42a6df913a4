package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.server.CertregServer;
import dev.certreg.server.ServerSettings;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite's signed requests replayed byte for byte over a raw socket to a server with the vectors' key, service
 * and clock: through Jetty, the raw request line is what gets verified. An accepted request is routed, and no
 * operation lives at the suite's paths, so it ends in 404 UnknownOperationException; a refused one in the 403 of
 * {@link VectorVerdictTest}. Folded header lines never reach the verifier.
 */
class VectorReplayTest {
    /** Raw spaces or UTF-8 in the request line, or obsolete line folding: not valid HTTP on the wire. */
    static final Set<String> NOT_REPLAYABLE = Set.of("get-header-value-multiline", "get-space-normalized",
            "get-space-unnormalized", "get-utf8");

    @TempDir
    static Path dataDir;

    private static SqliteCertificateStore store;
    private static CertregServer server;

    @BeforeAll
    static void start() throws Exception {
        store = SqliteCertificateStore.open(dataDir);
        server = CertregServer.start(new ServerSettings("127.0.0.1", 0, VectorCase.authenticator(true), new byte[32],
                8), store, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        server.close();
        store.close();
    }

    static Stream<Arguments> replayable() {
        return VectorCase.all().stream().filter(c -> !NOT_REPLAYABLE.contains(c.name()))
                .flatMap(c -> Stream.of(Arguments.of(c, "header"), Arguments.of(c, "query")));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("replayable")
    void aReplayedRequestGetsItsVerdictThroughJetty(VectorCase vector, String variant) throws IOException {
        String wire = vector.signedRequest(variant).replace("ሴ", "%E1%88%B4");
        String response = send(wire);
        String expected = VectorVerdictTest.expected(vector);
        if (expected.equals(Verdict.ACCEPTED)) {
            assertThat(response).startsWith("HTTP/1.1 404 ").contains("x-amzn-ErrorType: UnknownOperationException");
        } else {
            assertThat(response).startsWith("HTTP/1.1 403 ").contains("x-amzn-ErrorType: " + expected);
        }
    }

    @Test
    void foldedHeaderLinesAreRefusedOnTheWire() throws IOException {
        String response = send(new VectorCase("get-header-value-multiline").signedRequest("header"));
        assertThat(response).startsWith("HTTP/1.1 400 ").contains("InvalidRequestException");
    }

    /** Sends {@code text} with CRLF line ends and {@code Connection: close}, and reads the whole response. */
    private static String send(String text) throws IOException {
        int headEnd = text.indexOf("\n\n");
        String wire = (text.substring(0, headEnd) + "\nConnection: close\n\n").replace("\n", "\r\n")
                + text.substring(headEnd + 2);
        try (Socket socket = new Socket(server.endpoint().getHost(), server.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(wire.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
