package dev.certreg.cli;

import dev.certreg.server.Authenticator;
import dev.certreg.server.CertregServer;
import dev.certreg.server.OpenAuthenticator;
import dev.certreg.server.ServerSettings;
import dev.certreg.server.sigv4.Credentials;
import dev.certreg.server.sigv4.Regions;
import dev.certreg.server.sigv4.SigV4Authenticator;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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

    @Option(names = "--auth", paramLabel = "open|sigv4", defaultValue = "open",
            description = "open: take account and region from the credential scope, check no signature; sigv4: verify"
                    + " AWS SigV4 signatures with the keys of --credentials-file (default: ${DEFAULT-VALUE}).")
    String auth;

    @Option(names = "--credentials-file", paramLabel = "FILE",
            description = "With --auth sigv4: the access keys, one [ACCESS_KEY_ID] section each holding"
                    + " aws_secret_access_key and optionally account and enabled.")
    Path credentialsFile;

    @Option(names = "--regions", paramLabel = "REGION", split = ",",
            description = "With --auth sigv4: the regions served, comma-separated (default: any region name such as"
                    + " us-east-1).")
    List<String> regions;

    private String authDescription;

    @Override
    public Integer call() throws Exception {
        Authenticator authenticator;
        try {
            authenticator = authenticator();
        } catch (StartupFailure e) {
            return fail(e.getMessage());
        }
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
            return serve(new ServerSettings(host, port, authenticator, secret, maxThreads), store);
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
            System.out.println("auth: " + authDescription);
            System.out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "certreg-shutdown"));
            server.join();
        }
        return 0;
    }

    /** The authenticator the flags ask for; a flag that does not fit says so rather than weakening the server. */
    private Authenticator authenticator() throws StartupFailure {
        if (auth.equals("open")) {
            if (credentialsFile != null || regions != null) {
                throw new StartupFailure("--credentials-file and --regions need --auth sigv4; --auth open checks no"
                        + " signature");
            }
            authDescription = "open (signatures are not checked: serve a trusted network only)";
            return new OpenAuthenticator();
        }
        if (!auth.equals("sigv4")) {
            throw new StartupFailure("--auth must be open or sigv4, got '" + auth + "'");
        }
        if (credentialsFile == null) {
            throw new StartupFailure("--auth sigv4 needs --credentials-file FILE");
        }
        Credentials credentials = credentials();
        Regions served = servedRegions();
        authDescription = "sigv4, " + credentials.size() + (credentials.size() == 1 ? " access key" : " access keys")
                + " from " + credentialsFile.toAbsolutePath() + ", regions: " + served;
        return new SigV4Authenticator(credentials, served, Clock.systemUTC());
    }

    private Credentials credentials() throws StartupFailure {
        try {
            return Credentials.load(credentialsFile);
        } catch (IOException e) {
            throw new StartupFailure("cannot read the credentials file " + credentialsFile + ": " + rootMessage(e));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("the credentials file " + credentialsFile + " is malformed: " + e.getMessage());
        }
    }

    private Regions servedRegions() throws StartupFailure {
        try {
            return regions == null ? Regions.any() : Regions.of(regions);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("--regions: " + e.getMessage());
        }
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

    /** A configuration the server must not start with; its message is the one line printed. */
    private static final class StartupFailure extends Exception {
        StartupFailure(String message) {
            super(message, null, false, false);
        }
    }
}
