package dev.certreg.cli.iot;

import dev.certreg.core.testing.MutableClock;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.server.CertregServer;
import dev.certreg.server.OpenAuthenticator;
import dev.certreg.server.ServerSettings;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/**
 * Starts one server on port 0 over a fresh SQLite file for a test class, with an SDK client to set it up, and runs
 * {@code certreg iot} against it. The CLI finds its credentials and region in the environment surefire sets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningRegistry {
    final MutableClock clock = MutableClock.ticking();
    CertregServer server;
    IotClient iot;
    private SqliteCertificateStore store;

    @BeforeAll
    void startServer(@TempDir Path dataDir) throws Exception {
        store = SqliteCertificateStore.open(dataDir);
        server = CertregServer.start(new ServerSettings("127.0.0.1", 0, new OpenAuthenticator(), new byte[32], 16),
                store, clock);
        iot = IotClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE",
                        "secret")))
                .httpClient(Apache5HttpClient.create())
                .build();
    }

    @AfterAll
    void stopServer() {
        iot.close();
        server.close();
        store.close();
    }

    /** Runs {@code certreg iot <operation> args... --endpoint-url <this server>}. */
    CliRun iot(String operation, String... args) {
        List<String> command = new ArrayList<>(List.of("iot", operation));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", server.endpoint().toString()));
        return CliRun.of(command.toArray(String[]::new));
    }

    /** Registers {@code ca} in DEFAULT mode, ACTIVE, with a verification certificate for the account's code. */
    String registerCa(Issued ca) {
        String code = iot.getRegistrationCode(r -> {}).registrationCode();
        return iot.registerCACertificate(r -> r.caCertificate(ca.pem()).verificationCertificate(ca.issue(code).pem())
                .setAsActive(true)).certificateId();
    }

    /** Registers {@code count} new ACTIVE device certificates signed by {@code ca}; returns their ids. */
    List<String> registerDevices(Issued ca, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pem = ca.issue("device-" + i).pem();
            ids.add(iot.registerCertificate(r -> r.certificatePem(pem).caCertificatePem(ca.pem())
                    .status(CertificateStatus.ACTIVE)).certificateId());
        }
        return ids;
    }

    static Issued newCa(String name) {
        return TestPki.ca(name, TestPki.KeyType.EC);
    }
}
