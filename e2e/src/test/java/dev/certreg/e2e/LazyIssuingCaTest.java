package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.testing.MutableClock;
import dev.certreg.core.x509.IssuingCa;
import dev.certreg.server.CertregServer;
import dev.certreg.server.OpenAuthenticator;
import dev.certreg.server.ServerSettings;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;

/** The issuing CA is asked for on the first CreateKeysAndCertificate only, and once: a start pays for no RSA key. */
class LazyIssuingCaTest {
    @TempDir
    Path dataDir;

    @Test
    void theIssuingCaIsMadeOnFirstUseAndKept() throws Exception {
        MutableClock clock = MutableClock.ticking();
        AtomicInteger made = new AtomicInteger();
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, new OpenAuthenticator(), new byte[32], 16, () -> {
            made.incrementAndGet();
            return IssuingCa.generate(clock);
        });
        TestStore testStore = TestStore.create(dataDir);
        try (CertificateStore store = testStore.open();
                CertregServer server = CertregServer.start(settings, store, clock);
                IotClient iot = IotClient.builder()
                        .endpointOverride(server.endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "x")))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build()) {
            assertThat(iot.listCertificates(r -> {}).certificates()).isEmpty();
            assertThat(made).hasValue(0);

            String first = iot.createKeysAndCertificate(r -> {}).certificatePem();
            String second = iot.createKeysAndCertificate(r -> {}).certificatePem();
            assertThat(made).hasValue(1);
            assertThat(first).isNotEqualTo(second);
        }
    }
}
