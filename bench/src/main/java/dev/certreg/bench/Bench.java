package dev.certreg.bench;

import dev.certreg.client.CertificatePaginators;
import dev.certreg.client.Page;
import dev.certreg.client.PaginationConfig;
import dev.certreg.client.Paginator;
import dev.certreg.core.Audit;
import dev.certreg.core.Audits;
import dev.certreg.core.CaCertificateService;
import dev.certreg.core.CaRegistration;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.NamedMarkers;
import dev.certreg.core.PolicyService;
import dev.certreg.core.Scope;
import dev.certreg.core.x509.ParsedCertificate;
import dev.certreg.core.x509.X509Codec;
import dev.certreg.junit.CertregExtension;
import dev.certreg.store.postgres.PostgresCertificateStore;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaRequest;

/**
 * The Java side of {@code bench/run.sh}; each command prints one JSON object on standard output.
 *
 * <ul>
 *   <li>{@code prepare --data-dir DIR [--jdbc-url URL [--db-user USER]] --n N --bodies M --out DIR}: registers three
 *       CAs through the core services, inserts N device certificates under the first straight into the store (many
 *       threads, so the store commits them in groups), and writes M RegisterCertificate bodies for EC and for RSA
 *       device certificates, one JSON document a line, for wrk to post.
 *   <li>{@code walk --endpoint URL --ca ID [--page-size 250] [--pages N]}: walks ListCertificatesByCA with certreg's
 *       paginator over the AWS SDK v2, three times in one JVM (the SDK's code is still being compiled in the
 *       first two), each walk to the end or to its {@code N}th page.
 *   <li>{@code floor-server --port P [--items 25]}: {@link FloorServer}.
 *   <li>{@code extension [--starts 10]}: starts and stops {@link CertregExtension} repeatedly in this JVM.
 *   <li>{@code import-prepare --data-dir DIR --n N [--per-file 1000] --out DIR}: registers one EC CA through the core
 *       service and writes N EC P-256 device certificates it signed as PEM bundles, for {@code certreg import}.
 * </ul>
 */
public final class Bench {
    static final Scope SCOPE = new Scope(Scope.DEFAULT_ACCOUNT, "us-east-1");
    private static final int SEED_CHUNK = 5_000;
    private static final String MQTT_POLICY = "bench-devices";

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench prepare|walk|extension [--option value ...]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String json = switch (args[0]) {
            case "prepare" -> prepare(options);
            case "walk" -> walk(options);
            case "extension" -> extension(options);
            case "mqtt-prepare" -> mqttPrepare(options);
            case "import-prepare" -> importPrepare(options);
            case "mqtt-connect", "mqtt-publish", "mqtt-idle" -> MqttLoad.run(args[0], options);
            case "floor-server" -> {
                FloorServer.serve(Integer.parseInt(options.get("port")),
                        Integer.parseInt(options.getOrDefault("items", "25")));
                yield "{}";
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
        System.out.println(json);
        System.exit(0);
    }

    private static String prepare(Map<String, String> options) throws Exception {
        int n = Integer.parseInt(options.getOrDefault("n", "10000"));
        int bodies = Integer.parseInt(options.getOrDefault("bodies", "20000"));
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        Clock clock = Clock.systemUTC();
        X509Codec codec = new X509Codec();
        Minter minter = new Minter();
        try (CertificateStore store = open(options)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            CaCertificateService cas = new CaCertificateService(
                    store, codec, new CertificateLists(new MarkerCodec(secret)), Audits.of(clock),
                    new SecureRandom());
            String run = Long.toString(System.currentTimeMillis(), 36);
            Minter.Ca listCa = minter.ca("list CA " + run, Minter.KeyType.EC);
            Minter.Ca ecCa = minter.ca("EC CA " + run, Minter.KeyType.EC);
            Minter.Ca rsaCa = minter.ca("RSA CA " + run, Minter.KeyType.RSA);
            String listCaId = register(cas, minter, listCa);
            String ecCaId = register(cas, minter, ecCa);
            String rsaCaId = register(cas, minter, rsaCa);

            int threads = Integer.parseInt(options.getOrDefault("threads", "16"));
            long started = System.nanoTime();
            seed(store, codec, minter, listCa, listCaId, n, threads, clock);
            double seedSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            writeBodies(out.resolve("register-ec.jsonl"), minter, ecCa, Minter.KeyType.EC, bodies, threads);
            writeBodies(out.resolve("register-rsa.jsonl"), minter, rsaCa, Minter.KeyType.RSA, bodies, threads);
            double bodySeconds = (System.nanoTime() - started) / 1e9;
            return String.format(Locale.ROOT, "{\"listCa\":\"%s\",\"ecCa\":\"%s\",\"rsaCa\":\"%s\",\"n\":%d,"
                    + "\"bodies\":%d,\"seedSeconds\":%.3f,\"bodySeconds\":%.3f}",
                    listCaId, ecCaId, rsaCaId, n, bodies, seedSeconds, bodySeconds);
        }
    }

    /**
     * Registers a CA and N ACTIVE EC P-256 device certificates under it straight into the store, and writes them for
     * {@link MqttLoad}: {@code devices.pem} (one certificate a device) and {@code device.key} (their one key).
     */
    private static String mqttPrepare(Map<String, String> options) throws Exception {
        int n = Integer.parseInt(options.getOrDefault("n", "10000"));
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        Clock clock = Clock.systemUTC();
        X509Codec codec = new X509Codec();
        Minter minter = new Minter();
        KeyPair deviceKey = Minter.KeyType.EC.generate();
        String[] pems = new String[n];
        long started = System.nanoTime();
        try (CertificateStore store = open(options)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            CaCertificateService cas = new CaCertificateService(store, codec,
                    new CertificateLists(new MarkerCodec(secret)), Audits.of(clock), new SecureRandom());
            Minter.Ca ca = minter.ca("MQTT CA " + Long.toString(System.currentTimeMillis(), 36), Minter.KeyType.EC);
            String caId = register(cas, minter, ca);
            // Devices need a policy once policies decide CONNECT, PUBLISH and SUBSCRIBE; this one allows all.
            PolicyService policies = new PolicyService(store, new NamedMarkers(secret), clock);
            policies.create(SCOPE, MQTT_POLICY, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"iot:*\",\"Resource\":\"*\"}]}", List.of());
            runParallel(n, Integer.parseInt(options.getOrDefault("threads", "16")), i -> {
                pems[i] = minter.leaf(ca, "mqtt device " + i, deviceKey.getPublic());
                ParsedCertificate parsed = codec.parse(pems[i], "certificate");
                Audit audit = Audit.created(Instant.ofEpochMilli(clock.millis()), UUID.randomUUID().toString());
                DeviceCertificate device = new DeviceCertificate(SCOPE, parsed.certificateId(), pems[i], caId,
                        CertificateStatus.ACTIVE, CertificateMode.DEFAULT, parsed.validity(), audit);
                store.insertDeviceCertificate(device);
                policies.attach(SCOPE, MQTT_POLICY, device.arn());
            });
        }
        Files.writeString(out.resolve("devices.pem"), String.join("", pems), StandardCharsets.US_ASCII);
        Files.writeString(out.resolve("device.key"), Minter.pem(deviceKey.getPrivate()), StandardCharsets.US_ASCII);
        return String.format(Locale.ROOT, "{\"devices\":%d,\"seedSeconds\":%.3f}", n,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Registers one EC CA in a fresh store and writes N device certificates it signed, {@code per-file} to a PEM
     * bundle, into {@code out}: the input of {@code certreg import --ca-certificate-id}.
     */
    private static String importPrepare(Map<String, String> options) throws Exception {
        int n = Integer.parseInt(options.getOrDefault("n", "20000"));
        int perFile = Integer.parseInt(options.getOrDefault("per-file", "1000"));
        Path out = Path.of(options.get("out"));
        Files.createDirectories(out);
        Minter minter = new Minter();
        Minter.Ca ca = minter.ca("import CA " + Long.toString(System.currentTimeMillis(), 36), Minter.KeyType.EC);
        String caId;
        try (CertificateStore store = open(options)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            CaCertificateService cas = new CaCertificateService(store, new X509Codec(),
                    new CertificateLists(new MarkerCodec(secret)), Audits.of(Clock.systemUTC()), new SecureRandom());
            caId = register(cas, minter, ca);
        }
        long started = System.nanoTime();
        KeyPair deviceKey = Minter.KeyType.EC.generate();
        String[] pems = new String[n];
        runParallel(n, Integer.parseInt(options.getOrDefault("threads", "16")),
                i -> pems[i] = minter.leaf(ca, "imported device " + i, deviceKey.getPublic()));
        int files = 0;
        for (int first = 0; first < n; first += perFile, files++) {
            String bundle = String.join("", List.of(pems).subList(first, Math.min(n, first + perFile)));
            Files.writeString(out.resolve(String.format(Locale.ROOT, "devices-%05d.pem", files)), bundle,
                    StandardCharsets.US_ASCII);
        }
        return String.format(Locale.ROOT, "{\"ca\":\"%s\",\"certificates\":%d,\"files\":%d,\"mintSeconds\":%.3f}",
                caId, n, files, (System.nanoTime() - started) / 1e9);
    }

    private static CertificateStore open(Map<String, String> options) {
        String jdbcUrl = options.get("jdbc-url");
        if (jdbcUrl != null) {
            return PostgresCertificateStore.open(jdbcUrl, options.get("db-user"), System.getenv("CERTREG_DB_PASSWORD"));
        }
        Path dataDir = Path.of(options.get("data-dir"));
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return SqliteCertificateStore.open(dataDir);
    }

    /** RegisterCACertificate in DEFAULT mode with its proof of possession, as a client would. */
    private static String register(CaCertificateService cas, Minter minter, Minter.Ca ca) {
        String code = cas.getRegistrationCode(SCOPE);
        KeyPair verificationKey = Minter.KeyType.EC.generate();
        String verification = minter.leaf(ca, code, verificationKey.getPublic());
        return cas.register(SCOPE, new CaRegistration(ca.pem(), verification, true, false, null, List.of(), null))
                .certificateId();
    }

    /**
     * Mints N device certificates on {@code threads} threads and stores them in chunks of {@link #SEED_CHUNK}, one
     * transaction a chunk ({@link CertificateStore#insertDeviceCertificates}): a million rows in minutes, not hours.
     */
    private static void seed(CertificateStore store, X509Codec codec, Minter minter, Minter.Ca ca, String caId,
            int n, int threads, Clock clock) throws Exception {
        KeyPair deviceKey = Minter.KeyType.EC.generate();
        for (int first = 0; first < n; first += SEED_CHUNK) {
            int offset = first;
            DeviceCertificate[] chunk = new DeviceCertificate[Math.min(SEED_CHUNK, n - first)];
            runParallel(chunk.length, threads, i -> {
                String pem = minter.leaf(ca, "seeded device " + (offset + i), deviceKey.getPublic());
                ParsedCertificate parsed = codec.parse(pem, "certificate");
                Audit audit = Audit.created(Instant.ofEpochMilli(clock.millis()), UUID.randomUUID().toString());
                chunk[i] = new DeviceCertificate(SCOPE, parsed.certificateId(), pem, caId, CertificateStatus.ACTIVE,
                        CertificateMode.DEFAULT, parsed.validity(), audit);
            });
            if (store.insertDeviceCertificates(List.of(chunk)).contains(false)) {
                throw new IllegalStateException("a certificate of " + offset + ".." + (offset + chunk.length)
                        + " was already registered");
            }
        }
    }

    private static void writeBodies(Path file, Minter minter, Minter.Ca ca, Minter.KeyType type, int count,
            int threads) throws Exception {
        KeyPair deviceKey = type.generate();
        String[] lines = new String[count];
        runParallel(count, threads, i -> {
            String pem = minter.leaf(ca, "registered " + type + " device " + i, deviceKey.getPublic());
            lines[i] = "{\"certificatePem\":\"" + pem.replace("\r", "").replace("\n", "\\n")
                    + "\",\"status\":\"ACTIVE\"}";
        });
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                writer.write(line);
                writer.write('\n');
            }
        }
    }

    @FunctionalInterface
    private interface IndexedWork {
        void run(int index) throws Exception;
    }

    private static void runParallel(int count, int threads, IndexedWork work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                futures.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        work.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String walk(Map<String, String> options) {
        int pageSize = Integer.parseInt(options.getOrDefault("page-size", "250"));
        long maxPages = Long.parseLong(options.getOrDefault("pages", String.valueOf(Long.MAX_VALUE)));
        try (IotClient iot = IotClient.builder()
                .endpointOverride(URI.create(options.get("endpoint")))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "x")))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build()) {
            List<String> walks = new ArrayList<>();
            for (String label : List.of("first", "second", "third")) {
                long started = System.nanoTime();
                Paginator<Certificate> paginator = CertificatePaginators.listCertificatesByCa(iot,
                        ListCertificatesByCaRequest.builder().caCertificateId(options.get("ca")).build(),
                        PaginationConfig.builder().pageSize(pageSize).build());
                long[] counts = new long[2];
                for (Iterator<Page<Certificate>> pages = paginator.pages().iterator();
                        counts[0] < maxPages && pages.hasNext(); ) {
                    counts[0]++;
                    counts[1] += pages.next().items().size();
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                walks.add(String.format(Locale.ROOT, "\"%s\":{\"pages\":%d,\"items\":%d,\"seconds\":%.3f}",
                        label, counts[0], counts[1], seconds));
            }
            return "{" + String.join(",", walks) + "}";
        }
    }

    private static String extension(Map<String, String> options) throws Exception {
        int starts = Integer.parseInt(options.getOrDefault("starts", "10"));
        List<String> millis = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            CertregExtension extension = CertregExtension.builder().build();
            long started = System.nanoTime();
            extension.beforeEach(null);
            extension.endpoint();
            millis.add(String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e6));
            extension.afterEach(null);
        }
        return "{\"startMillis\":[" + String.join(",", millis) + "]}";
    }
}
