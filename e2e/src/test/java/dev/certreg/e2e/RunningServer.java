package dev.certreg.e2e;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.Scope;
import dev.certreg.core.testing.MutableClock;
import dev.certreg.core.x509.IssuingCa;
import dev.certreg.server.CertregServer;
import dev.certreg.server.OpenAuthenticator;
import dev.certreg.server.ServerSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;

/** Starts a server on port 0 over a fresh store for each test, and hands out SDK clients for it. */
abstract class RunningServer {
    static final String DEFAULT_ACCOUNT = Scope.DEFAULT_ACCOUNT;

    @TempDir
    Path dataDir;

    /**
     * One issuing CA for the run: its RSA key takes longer to make than most tests take to run, and no test depends
     * on its validity.
     */
    private static final IssuingCa ISSUING_CA = IssuingCa.generate(Clock.systemUTC());

    final MutableClock clock = clock();
    final IssuingCa issuingCa = ISSUING_CA;
    CertregServer server;
    IotClient iot;
    TestStore testStore;
    CertificateStore store;
    private final List<IotClient> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        testStore = TestStore.create(dataDir);
        store = testStore.open();
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, new OpenAuthenticator(), new byte[32], 16, issuingCa);
        server = CertregServer.start(settings, store, clock);
        iot = client("AKIDEXAMPLE", "us-east-1");
    }

    @AfterEach
    void stopServer() {
        clients.forEach(IotClient::close);
        server.close();
        store.close();
    }

    /** The server's clock, built once per test; override to start elsewhere or frozen. */
    MutableClock clock() {
        return MutableClock.ticking();
    }

    URI endpoint() {
        return server.endpoint();
    }

    /** An SDK client signing with {@code accessKeyId} for {@code region}. */
    IotClient client(String accessKeyId, String region) {
        return client(accessKeyId, region, UrlConnectionHttpClient.create());
    }

    /** An SDK client signing with {@code accessKeyId} for {@code region}, sending with {@code http}. */
    IotClient client(String accessKeyId, String region, SdkHttpClient http) {
        IotClient client = IotClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.of(region))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
                .httpClient(http)
                .build();
        clients.add(client);
        return client;
    }

    /** The HTTP status each of {@code calls} ends with, in order, the calls released together on their own threads. */
    static List<Integer> statusesTogether(List<Runnable> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CyclicBarrier start = new CyclicBarrier(calls.size());
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (Runnable call : calls) {
                statuses.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return status(call);
                }));
            }
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The HTTP status a call ends with: 200, or the status of the service error it raised. */
    static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (AwsServiceException e) {
            return e.statusCode();
        }
    }
}
