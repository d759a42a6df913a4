package dev.certreg.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;

class CertregExtensionTest {
    @RegisterExtension
    final CertregExtension certreg = CertregExtension.builder().build();

    @Test
    void anSdkPointedAtTheEndpointTalksToAnEmptyRegistry() {
        try (IotClient iot = client(certreg)) {
            assertThat(iot.listCertificates(r -> {}).certificates()).isEmpty();
            assertThat(iot.getRegistrationCode(r -> {}).registrationCode()).hasSize(64);
        }
    }

    @Test
    void eachStartGetsItsOwnEmptyRegistryWithTheWholeSchema() throws Exception {
        for (int start = 0; start < 3; start++) {
            CertregExtension own = CertregExtension.builder().build();
            own.beforeEach(null);
            try (IotClient iot = client(own)) {
                assertThat(iot.listCertificates(r -> {}).certificates()).isEmpty();
                iot.createKeysAndCertificate(r -> r.setAsActive(true));
                iot.createThing(r -> r.thingName("device"));
                assertThat(iot.listCertificates(r -> {}).certificates()).hasSize(1);
            } finally {
                own.afterEach(null);
            }
        }
    }

    @Test
    void theEndpointIsOnLoopbackAndOnlyWhileATestRuns() {
        assertThat(certreg.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> CertregExtension.builder().build().endpoint())
                .isInstanceOf(IllegalStateException.class);
    }

    private static IotClient client(CertregExtension certreg) {
        return IotClient.builder()
                .endpointOverride(certreg.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "x")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
