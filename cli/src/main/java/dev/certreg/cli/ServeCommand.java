package dev.certreg.cli;

import dev.certreg.server.CertregServer;
import dev.certreg.server.OpenAuthenticator;
import dev.certreg.server.ServerSettings;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.IOException;
import java.nio.file.FileSystemException;
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
        byte[] secret;
        try {
            Files.createDirectories(dataDir);
            secret = MarkerSecret.load(dataDir, System.getenv("CERTREG_MARKER_SECRET"));
        } catch (IOException | IllegalArgumentException e) {
            return fail("cannot use the data directory " + dataDir + ": " + rootMessage(e));
        }
        SqliteCertificateStore store;
        try {
            store = SqliteCertificateStore.open(dataDir);
        } catch (RuntimeException e) {
            return fail("cannot open the database in " + dataDir + ": " + rootMessage(e));
        }
        try (store) {
            return serve(new ServerSettings(host, port, new OpenAuthenticator(), secret, maxThreads), store);
        }
    }

    private int serve(ServerSettings settings, SqliteCertificateStore store) throws InterruptedException {
        CertregServer server;
        try {
            server = CertregServer.start(settings, store, Clock.systemUTC());
        } catch (Exception e) {
            return fail("cannot listen on " + host + ":" + port + ": " + rootMessage(e));
        }
        try (server) {
            System.out.println(
                    "certreg is serving " + dataDir.toAbsolutePath().resolve(SqliteCertificateStore.FILE_NAME));
            System.out.println("endpoint: " + server.endpoint() + "  (aws iot ... --endpoint-url " + server.endpoint()
                    + ")");
            System.out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "certreg-shutdown"));
            server.join();
        }
        return 0;
    }

    private static int fail(String message) {
        System.err.println("certreg: " + message);
        return 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        if (root.getMessage() == null || root instanceof FileSystemException) {
            // A FileSystemException's message is often the path alone; its type says what went wrong.
            return (root.getMessage() == null ? "" : root.getMessage() + ": ") + root.getClass().getSimpleName();
        }
        return root.getMessage();
    }
}
