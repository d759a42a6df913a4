package dev.certreg.cli;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.x509.EcdsaProvider;
import dev.certreg.core.x509.IssuingCa;
import dev.certreg.mqtt.DeviceEndpoint;
import dev.certreg.server.Authenticator;
import dev.certreg.server.CertregServer;
import dev.certreg.server.DevicePlane;
import dev.certreg.server.HttpLimits;
import dev.certreg.server.Management;
import dev.certreg.server.PreparedServer;
import dev.certreg.server.ServerSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import dev.certreg.cli.logging.LineLoggerProvider;
import dev.certreg.cli.logging.LogFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code certreg serve}: runs the registry until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the registry. Point SDKs at the printed endpoint with --endpoint-url.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);
    /** How long a stopping server waits for its first issuing CA to be written: the key takes well under a second. */
    private static final Duration ISSUING_CA_BOUND = Duration.ofSeconds(30);

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

    @Option(names = "--management-port", paramLabel = "PORT", defaultValue = "" + Management.ON_API_PORT,
            description = "Serve /health, /health/ready and /metrics on this port (0 for any free one) instead of"
                    + " beside the API.")
    int managementPort;

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "text",
            description = "Log lines on standard error as text, or as one JSON object per line (default:"
                    + " ${DEFAULT-VALUE}).")
    String logFormat;

    @Option(names = OpenBinding.FLAG, description = "Let --auth open listen on a non-loopback address, where anyone"
            + " who reaches the port can act as any account. Unsafe outside a trusted network; warned on every start.")
    boolean allowOpenOnNetwork;

    @Mixin
    AuthOptions auth;

    @Mixin
    LimitOptions limits;

    @Mixin
    StoreOptions store;

    @Mixin
    DeviceOptions devices;

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        try {
            LineLoggerProvider.use(logFormat());
            Configured<Authenticator> authenticator = auth.authenticator(clock);
            String openWarning = auth.isOpen() ? OpenBinding.check(host, allowOpenOnNetwork) : null;
            HttpLimits httpLimits = limits.limits();
            byte[] secret = markerSecret();
            // The device endpoint's CA and the issuing CA need neither the store nor each other: they are read (the
            // device CA made, on a first start) beside its opening. A first start's issuing CA comes later.
            Beside<DeviceOptions.Prepared> devicePlane =
                    Beside.start("certreg-start-devices", () -> prepareDevices(secret, clock));
            Beside<Supplier<IssuingCa>> issuing =
                    Beside.start("certreg-start-issuing-ca", () -> issuingCa(clock));
            try {
                Management management = management();
                Configured<CertificateStore> opened = store.open(dataDir, management.registry());
                try (CertificateStore certificates = opened.value()) {
                    Supplier<IssuingCa> issuingCa = issuing.join();
                    ServerSettings settings = new ServerSettings(host, port, authenticator.value(), secret,
                            maxThreads, issuingCa, httpLimits);
                    if (openWarning != null) {
                        System.err.println("certreg: " + openWarning);
                    }
                    return serve(settings, management, certificates, clock, opened.description(),
                            authenticator.description(), devicePlane.join());
                }
            } finally {
                // A start that failed first elsewhere still lets them finish writing into the data directory.
                devicePlane.settle();
                issuing.settle();
            }
        } catch (StartupFailure e) {
            System.err.println("certreg: " + e.getMessage());
            return 1;
        }
    }

    private DeviceOptions.Prepared prepareDevices(byte[] secret, Clock clock) throws StartupFailure {
        DeviceOptions.Prepared prepared = devices.prepare(dataDir, secret, clock);
        if (prepared != null) {
            // Every device connection is a TLS handshake with two ECDSA operations (see EcdsaProvider).
            EcdsaProvider.install();
        }
        return prepared;
    }

    private LogFormat logFormat() throws StartupFailure {
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new StartupFailure("--log-format must be text or json, got '" + logFormat + "'");
        }
        return LogFormat.valueOf(logFormat.toUpperCase(Locale.ROOT));
    }

    private Management management() throws StartupFailure {
        try {
            return new Management(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), managementPort);
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("--management-port: " + e.getMessage());
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

    /**
     * The issuing CA of the data directory: read now when its file exists, so that a damaged one stops the start;
     * otherwise made once the server answers ({@link FirstIssuingCa}).
     */
    private Supplier<IssuingCa> issuingCa(Clock clock) throws StartupFailure {
        Path file = dataDir.resolve(IssuingCaFile.FILE_NAME);
        if (!Files.exists(file)) {
            return new FirstIssuingCa(dataDir, clock);
        }
        try {
            IssuingCa ca = IssuingCaFile.load(dataDir, clock);
            return () -> ca;
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupFailure("cannot use the issuing CA in " + file + ": " + StartupFailure.rootMessage(e));
        }
    }

    private int serve(ServerSettings settings, Management management, CertificateStore certificates, Clock clock,
            String storeLine, String authLine, DeviceOptions.Prepared devicePlane)
            throws InterruptedException, StartupFailure {
        // Jetty starts beside the device endpoint but listens only once that is up, so that a server that answers
        // HTTP also answers devices.
        Beside<PreparedServer> http = Beside.start("certreg-start-http",
                () -> prepare(settings, management, certificates, clock, devicePlane));
        DeviceEndpoint deviceEndpoint;
        try {
            deviceEndpoint = devicePlane == null
                    ? null
                    : devices.start(devicePlane, host, settings.markerSecret(), certificates, clock,
                            management.registry());
        } catch (StartupFailure | RuntimeException e) {
            http.abandon(PreparedServer::close);
            throw e;
        }
        CertregServer server;
        try {
            server = listen(http.join(), management);
        } catch (StartupFailure | RuntimeException | InterruptedException e) {
            if (deviceEndpoint != null) {
                deviceEndpoint.close();
            }
            throw e;
        }
        try (server) {
            // Before the start-up lines: whoever reads them may stop the server at once.
            FirstIssuingCa firstIssuingCa =
                    settings.issuingCa() instanceof FirstIssuingCa first ? first : null;
            Runtime.getRuntime().addShutdownHook(
                    new Thread(() -> stop(server, certificates, firstIssuingCa), "certreg-shutdown"));
            LOG.atInfo().addKeyValue("endpoint", server.endpoint())
                    .addKeyValue("management", server.managementEndpoint())
                    .addKeyValue("store", storeLine).addKeyValue("auth", authLine).log("serving");
            System.out.println("certreg is serving " + storeLine);
            System.out.println("endpoint: " + server.endpoint() + "  (aws iot ... --endpoint-url " + server.endpoint()
                    + ")");
            System.out.println("auth: " + authLine);
            if (deviceEndpoint != null) {
                System.out.println("mqtt: mqtts://" + devices.advertisedHosts.get(0) + ":"
                        + deviceEndpoint.port() + "  (devices: mutual TLS on " + deviceEndpoint.tls() + "; root CA "
                        + dataDir.resolve(ServerCaFile.ROOT_FILE_NAME) + ", also at "
                        + server.endpoint().resolve("/certreg/root-ca.pem") + ")");
            } else {
                System.out.println("mqtt: off (--no-mqtt)");
            }
            System.out.println("health: " + server.managementEndpoint().resolve("/health") + "  readiness: "
                    + server.managementEndpoint().resolve("/health/ready") + "  metrics: "
                    + server.managementEndpoint().resolve("/metrics"));
            System.out.flush();
            if (firstIssuingCa != null) {
                firstIssuingCa.makeBeside();
            }
            server.join();
        } finally {
            if (deviceEndpoint != null) {
                deviceEndpoint.close();
            }
        }
        return 0;
    }

    private PreparedServer prepare(ServerSettings settings, Management management, CertificateStore certificates,
            Clock clock, DeviceOptions.Prepared devicePlane) throws StartupFailure {
        try {
            return CertregServer.prepare(settings, certificates, clock, management,
                    devicePlane == null ? DevicePlane.none(settings.markerSecret()) : devicePlane.plane());
        } catch (Exception e) {
            throw cannotListen(management, e);
        }
    }

    private CertregServer listen(PreparedServer prepared, Management management) throws StartupFailure {
        try {
            return prepared.listen();
        } catch (Exception e) {
            prepared.close();
            throw cannotListen(management, e);
        }
    }

    private StartupFailure cannotListen(Management management, Exception e) {
        String ports = management.separatePort() ? port + " (management port " + managementPort + ")" : "" + port;
        return new StartupFailure("cannot listen on " + host + ":" + ports + ": " + StartupFailure.rootMessage(e));
    }

    /**
     * On SIGTERM (or SIGINT): stop accepting, let requests in flight finish (for up to
     * {@link CertregServer#STOP_TIMEOUT_MS}), close the store so the database is left clean, then exit 0: an
     * orchestrator that asked certreg to stop sees a clean stop rather than the 143 of a killed JVM.
     */
    private static void stop(CertregServer server, CertificateStore certificates, FirstIssuingCa firstIssuingCa) {
        LOG.info("stopping: no new connections, finishing requests in flight");
        int status = 0;
        try {
            server.close();
            certificates.close();
            if (firstIssuingCa != null) {
                firstIssuingCa.awaitWritten(ISSUING_CA_BOUND);
            }
            LOG.info("stopped cleanly");
        } catch (RuntimeException e) {
            LOG.error("did not stop cleanly", e);
            status = 1;
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}
