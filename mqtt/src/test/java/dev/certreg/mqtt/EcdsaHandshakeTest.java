package dev.certreg.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.CertificateStatus;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.x509.EcdsaProvider;
import java.security.Security;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Device handshakes on the JDK's TLS with {@link EcdsaProvider} installed, as {@code certreg serve} runs them where
 * BoringSSL does not load: BouncyCastle signs with the endpoint's key ({@link ServerKeyManager}, whose precomputed
 * table the later handshakes reuse) and checks the device's signature, and a certificate the registry does not hold
 * is still refused.
 */
class EcdsaHandshakeTest extends RegistryFixture {
    /** Before the registry starts, so that the endpoint's TLS runs on the provider. */
    @BeforeAll
    static void installProvider() {
        EcdsaProvider.install();
    }

    @Override
    boolean nativeTls() {
        return false;
    }

    @Test
    void aDeviceConnectsAgainAndAgainAndAnUnknownOneIsRefused() throws Exception {
        assertThat(Security.getProviders()[0].getName()).isEqualTo(EcdsaProvider.NAME);
        TestPki.Issued ca = ca();
        TestPki.Issued cert = registry.registeredDevice(ca, "sensor", CertificateStatus.ACTIVE);
        for (int connection = 0; connection < 3; connection++) {
            try (Device device = new Device(registry, "sensor-" + connection, cert).connect()) {
                assertThat(device.client.isConnected()).isTrue();
            }
        }
        try (Device stranger = new Device(registry, "stranger", ca.issue("unknown"), ca)) {
            assertThatThrownBy(stranger::connect).isInstanceOf(MqttException.class);
        }
    }
}
