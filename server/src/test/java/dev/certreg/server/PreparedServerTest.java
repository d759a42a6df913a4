package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prepared server has started everything but its port: nothing connects until it listens, and one that never
 * listens, or fails to, stops with its threads and leaves the port free.
 */
@Timeout(60)
class PreparedServerTest {
    @TempDir
    Path dataDir;

    @Test
    void nothingConnectsUntilItListens() throws Exception {
        int port = freePort();
        try (SqliteCertificateStore store = SqliteCertificateStore.open(dataDir)) {
            PreparedServer prepared = prepare(store, port);
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);
            try (CertregServer server = prepared.listen()) {
                assertThat(server.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(server.endpoint().resolve("/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void aPortInUseFailsTheListenAndClosingFreesEverything() throws Exception {
        Set<Thread> running = httpThreads();
        try (SqliteCertificateStore store = SqliteCertificateStore.open(dataDir)) {
            PreparedServer prepared;
            try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                prepared = prepare(store, taken.getLocalPort());
                assertThatThrownBy(prepared::listen).hasRootCauseMessage("Address already in use");
            }
            prepared.close();
            assertThat(httpThreads()).isSubsetOf(running);
        }
    }

    private static PreparedServer prepare(SqliteCertificateStore store, int port) throws Exception {
        return CertregServer.prepare(new ServerSettings("127.0.0.1", port, new OpenAuthenticator(), new byte[32], 8),
                store, Clock.systemUTC(), Management.onApiPort(), DevicePlane.none(new byte[32]));
    }

    /** Jetty's request threads alive now. */
    private static Set<Thread> httpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("certreg-http") && thread.isAlive())
                .collect(Collectors.toSet());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
