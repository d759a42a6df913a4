package dev.certreg.cli;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.x509.IssuingCa;
import dev.certreg.server.Authenticator;
import dev.certreg.server.CertregServer;
import dev.certreg.server.ServerSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certreg serve}: runs the registry until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the registry. Point SDKs at the printed endpoint with --endpoint-url.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "" + ServerSettings.DEFAULT_PORT,
            description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data-dir", defaultValue = "${env:CERTREG_DATA_DIR:-data}",
            description = "Directory of the SQLite database, the marker key and the issuing CA (default:"
                    + " $CERTREG_DATA_DIR, else ./data).")
    Path dataDir;

    @Option(names = "--max-threads", defaultValue = "64", description = "Request threads (default: ${DEFAULT-VALUE}).")
    int maxThreads;

    @Mixin
    AuthOptions auth;

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        try {
            Configured<Authenticator> authenticator = auth.authenticator(clock);
            byte[] secret = markerSecret();
            IssuingCa issuingCa = issuingCa(clock);
            Configured<CertificateStore> opened = store.open(dataDir);
            try (CertificateStore certificates = opened.value()) {
                ServerSettings settings =
                        new ServerSettings(host, port, authenticator.value(), secret, maxThreads, issuingCa);
                return serve(settings, certificates, clock, opened.description(), authenticator.description());
            }
        } catch (StartupFailure e) {
            System.err.println("certreg: " + e.getMessage());
            return 1;
        }
    }

    private byte[] markerSecret() throws StartupFailure {
        try {
            Files.createDirectories(dataDir);
            return MarkerSecret.load(dataDir, System.getenv("CERTREG_MARKER_SECRET"));
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupFailure(
                    "cannot use the data directory " + dataDir + ": " + StartupFailure.rootMessage(e));
        }
    }

    private IssuingCa issuingCa(Clock clock) throws StartupFailure {
        try {
            return IssuingCaFile.load(dataDir, clock);
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupFailure("cannot use the issuing CA in " + dataDir.resolve(IssuingCaFile.FILE_NAME) + ": "
                    + StartupFailure.rootMessage(e));
        }
    }

    private int serve(ServerSettings settings, CertificateStore certificates, Clock clock, String storeLine,
            String authLine) throws InterruptedException, StartupFailure {
        CertregServer server;
        try {
            server = CertregServer.start(settings, certificates, clock);
        } catch (Exception e) {
            throw new StartupFailure("cannot listen on " + host + ":" + port + ": " + StartupFailure.rootMessage(e));
        }
        try (server) {
            System.out.println("certreg is serving " + storeLine);
            System.out.println("endpoint: " + server.endpoint() + "  (aws iot ... --endpoint-url " + server.endpoint()
                    + ")");
            System.out.println("auth: " + authLine);
            System.out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "certreg-shutdown"));
            server.join();
        }
        return 0;
    }
}
