package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A server that cannot start says why in one line and exits 1, without a stack trace. */
@Timeout(30)
class ServeCommandTest {
    @TempDir
    Path dataDir;

    @RegisterExtension
    final StandardErrorCapture err = new StandardErrorCapture();

    @Test
    void aPortInUseIsReportedInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = Main.commandLine().execute(
                    "serve", "--port", Integer.toString(taken.getLocalPort()), "--mqtt-port", "0", "--data-dir",
                    dataDir.toString());
            assertThat(exit).isEqualTo(1);
        }
        assertThat(err.text())
                .startsWith("certreg: cannot listen on 127.0.0.1:").contains("in use").doesNotContain("\tat ");
    }

    @Test
    void anApiPortInUseLeavesTheDevicePortFree() throws Exception {
        int mqttPort = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = Main.commandLine().execute("serve", "--port", Integer.toString(taken.getLocalPort()),
                    "--mqtt-port", Integer.toString(mqttPort), "--data-dir", dataDir.toString());
            assertThat(exit).isEqualTo(1);
        }
        assertThat(err.text()).startsWith("certreg: cannot listen on 127.0.0.1:").contains("in use").hasLineCount(1);
        // The device endpoint, up before the API listens, was closed with the failed start.
        new ServerSocket(mqttPort, 1, InetAddress.getLoopbackAddress()).close();
    }

    @Test
    void aDevicePortInUseIsReportedInOneLineAndStopsTheHttpServerPreparedBesideIt() throws Exception {
        Set<Thread> running = httpThreads();
        int apiPort = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int exit = Main.commandLine().execute("serve", "--port", Integer.toString(apiPort), "--mqtt-port",
                    Integer.toString(taken.getLocalPort()), "--data-dir", dataDir.toString());
            assertThat(exit).isEqualTo(1);
        }
        assertThat(err.text())
                .startsWith("certreg: cannot listen for devices on 127.0.0.1:").contains("in use").hasLineCount(1);
        assertThat(httpThreads()).isSubsetOf(running);
        new ServerSocket(apiPort, 1, InetAddress.getLoopbackAddress()).close();
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsReportedInOneLine() throws Exception {
        Path file = Files.writeString(dataDir.resolve("a-file"), "not a directory");
        int exit = Main.commandLine().execute("serve", "--port", "0", "--mqtt-port", "0", "--data-dir",
                file.resolve("data").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.text())
                .startsWith("certreg: cannot use the data directory").doesNotContain("\tat ");
    }

    @Test
    void anUnreadableServerCaIsReportedInOneLine() throws Exception {
        // Read on a thread of its own beside the store's opening; its failure is still the start's.
        assertUnreadableFileIsReported(ServerCaFile.FILE_NAME, "server CA");
    }

    @Test
    void anUnreadableIssuingCaIsReportedInOneLine() throws Exception {
        assertUnreadableFileIsReported(IssuingCaFile.FILE_NAME, "issuing CA");
    }

    private void assertUnreadableFileIsReported(String fileName, String what) throws Exception {
        Files.writeString(dataDir.resolve(fileName), "not a key and certificate");
        int exit = Main.commandLine().execute("serve", "--port", "0", "--mqtt-port", "0", "--data-dir",
                dataDir.toString());
        assertThat(exit).isEqualTo(1);
        assertThat(err.text())
                .startsWith("certreg: cannot use the " + what + " in " + dataDir.resolve(fileName))
                .doesNotContain("\tat ");
    }

    @Test
    void postgresWithoutAJdbcUrlAndJdbcOptionsWithSqliteAreRefused() {
        int postgres = Main.commandLine().execute("serve", "--port", "0", "--mqtt-port", "0",
                "--data-dir", dataDir.toString(),
                "--store", "postgres");
        int sqlite = Main.commandLine().execute("serve", "--port", "0", "--mqtt-port", "0",
                "--data-dir", dataDir.toString(),
                "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/certreg");
        assertThat(postgres).isEqualTo(1);
        assertThat(sqlite).isEqualTo(1);
        assertThat(err.text())
                .contains("certreg: --store postgres needs --jdbc-url")
                .contains("certreg: --jdbc-url and --db-user need --store postgres");
    }

    @Test
    void anUnreachableDatabaseIsReportedInOneLine() {
        int exit = Main.commandLine().execute("serve", "--port", "0", "--mqtt-port", "0",
                "--data-dir", dataDir.toString(),
                "--store", "postgres", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/certreg?connectTimeout=2",
                "--db-user", "certreg");
        assertThat(exit).isEqualTo(1);
        assertThat(err.text())
                .startsWith("certreg: cannot open the database jdbc:postgresql://127.0.0.1:1/")
                .doesNotContain("\tat ");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Jetty's request threads alive now. */
    private static Set<Thread> httpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("certreg-http") && thread.isAlive())
                .collect(Collectors.toSet());
    }
}
