package dev.certreg.cli;

import dev.certreg.server.CertregServer;
import dev.certreg.server.OpenAuthenticator;
import dev.certreg.server.ServerSettings;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code certreg serve}: runs the registry on the embedded SQLite store until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the registry. Point SDKs at the printed endpoint with --endpoint-url.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "" + ServerSettings.DEFAULT_PORT,
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:CERTREG_DATA_DIR:-data}",
            description = "Directory of the database and the marker key (default: $CERTREG_DATA_DIR, else ./data).")
    Path dataDir;

    @Option(names = "--max-threads", defaultValue = "64", description = "Request threads (default: ${DEFAULT-VALUE}).")
    int maxThreads;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dataDir);
        byte[] secret = MarkerSecret.load(dataDir, System.getenv("CERTREG_MARKER_SECRET"));
        try (SqliteCertificateStore store = SqliteCertificateStore.open(dataDir)) {
            ServerSettings settings = new ServerSettings(host, port, new OpenAuthenticator(), secret, maxThreads);
            try (CertregServer server = CertregServer.start(settings, store, Clock.systemUTC())) {
                System.out.println("certreg is serving " + dataDir.toAbsolutePath().resolve(
                        SqliteCertificateStore.FILE_NAME));
                System.out.println("endpoint: " + server.endpoint()
                        + "  (aws iot ... --endpoint-url " + server.endpoint() + ")");
                System.out.flush();
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "certreg-shutdown"));
                server.join();
            }
        }
        return 0;
    }
}
