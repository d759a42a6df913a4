package dev.certreg.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.AutoRegistrationStatus;
import dev.certreg.core.CaCertificateStatus;
import dev.certreg.core.CaUpdate;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.DeviceRegistration;
import dev.certreg.core.ListQuery;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.ServiceException;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.KeyType;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Just-in-time registration, end to end with Eclipse Paho clients. */
@Timeout(120)
class JustInTimeRegistrationTest extends RegistryFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final StandardError log = new StandardError();

    @Test
    void anUnknownCertificateOfAnAutoRegisteringCaIsRegisteredPendingThenConnectsOnceActive() throws Exception {
        TestPki.Issued ca = registry.registeredCa("jitr-ca", true);
        String caId = Registry.id(ca);
        TestPki.Issued monitorCert = registry.registeredDevice(ca, "monitor", CertificateStatus.ACTIVE);
        TestPki.Issued newcomer = ca.issue("newcomer");
        try (Device monitor = new Device(registry, "monitor", monitorCert).connect();
                Device device = new Device(registry, "newcomer", newcomer, ca)) {
            monitor.client.subscribe("$aws/events/certificates/registered/" + caId, 1);

            assertThatThrownBy(device::connect).isInstanceOf(MqttException.class);
            JsonNode event = JSON.readTree(monitor.received.poll(30, TimeUnit.SECONDS).payload());
            assertThat(event.get("certificateId").asText()).isEqualTo(Registry.id(newcomer));
            assertThat(event.get("caCertificateId").asText()).isEqualTo(caId);
            assertThat(event.get("certificateStatus").asText()).isEqualTo("PENDING_ACTIVATION");
            assertThat(event.get("awsAccountId").asText()).isEqualTo(Registry.SCOPE.account());
            assertThat(event.get("timestamp").isNumber()).isTrue();
            assertThat(event.get("certificateRegistrationTimestamp").isNull()).isTrue();
            assertThat(event.get("sourceIp").asText()).isEqualTo("127.0.0.1");
            assertThat(byCa(caId)).extracting(ListedCertificate::certificateId, ListedCertificate::status)
                    .contains(tuple(Registry.id(newcomer), "PENDING_ACTIVATION"));

            assertThatThrownBy(device::connect).isInstanceOf(MqttException.class);
            assertThat(monitor.received.poll(30, TimeUnit.SECONDS).payload()).contains(Registry.id(newcomer));

            registry.devices.update(Registry.SCOPE, Registry.id(newcomer), CertificateStatus.ACTIVE);
            registry.attach(Registry.ALLOW_ALL, newcomer);
            device.connect();
            device.client.subscribe("fleet/newcomer", 1);
            device.client.publish("fleet/newcomer", "hello".getBytes(UTF_8), 1, false);
            assertThat(device.received.poll(30, TimeUnit.SECONDS))
                    .isEqualTo(new Device.Received("fleet/newcomer", "hello", 1));
        }
        assertThat(registry.count("certreg.mqtt.jitr.registrations")).isEqualTo(1);
        assertThat(registry.refusals("pending_activation")).isEqualTo(1);
        assertThat(registry.count("certreg.mqtt.messages.received")).isEqualTo(1);
    }

    @Test
    void aCaThatDisallowsAutoRegistrationOrIsInactiveRegistersNothing() throws Exception {
        TestPki.Issued disabled = registry.registeredCa("disabled-ca", false);
        TestPki.Issued inactive = registry.registeredCa("inactive-ca", true);
        registry.cas.update(Registry.SCOPE, Registry.id(inactive),
                new CaUpdate(CaCertificateStatus.INACTIVE, null, null, false));
        for (TestPki.Issued ca : List.of(disabled, inactive)) {
            try (Device device = new Device(registry, "d", ca.issue("device"), ca)) {
                assertThatThrownBy(device::connect).isInstanceOf(MqttException.class);
            }
            assertThat(byCa(Registry.id(ca))).isEmpty();
        }
    }

    /**
     * Just-in-time registration registers by RegisterCertificate's rules: a key it does not accept, a certificate out
     * of its validity, and the ECDSA signature twin of a certificate the account holds (revoked here) are refused by
     * both; nothing is registered, and each refusal is logged once with the certificate id and the reason.
     */
    @Test
    void aCertificateThatRegisterCertificateRefusesIsNotRegisteredJustInTimeEither() throws Exception {
        TestPki.Issued ca = registry.registeredCa("strict-ca", true);
        TestPki.Issued revoked = registry.registeredDevice(ca, "revoked", CertificateStatus.REVOKED);
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        Map<TestPki.Issued, String> refused = Map.of(
                ca.issue("weak-key", rsa.generateKeyPair(), KeyType.RSA), "key is not supported",
                ca.issue("expired", KeyType.EC, Instant.now().minus(Duration.ofDays(30)), Duration.ofDays(1)),
                "is not valid at",
                revoked.ecdsaTwin(), "already provisioned or registered");
        for (Map.Entry<TestPki.Issued, String> candidate : refused.entrySet()) {
            TestPki.Issued certificate = candidate.getKey();
            String id = Registry.id(certificate);
            assertThatThrownBy(() -> registry.devices.register(Registry.SCOPE, new DeviceRegistration(
                            certificate.pem(), ca.pem(), null, CertificateStatus.ACTIVE)))
                    .isInstanceOf(ServiceException.class).hasMessageContaining(candidate.getValue());

            try (Device device = new Device(registry, "d", certificate, ca)) {
                assertThatThrownBy(device::connect).isInstanceOf(MqttException.class);
            }
            assertThat(log.linesContaining("device refused: certificate " + id)).as(id)
                    .singleElement().asString().contains(candidate.getValue());
        }
        assertThat(byCa(Registry.id(ca))).extracting(ListedCertificate::certificateId, ListedCertificate::status)
                .containsExactly(tuple(Registry.id(revoked), "REVOKED"));
        assertThat(registry.refusals("not_registrable")).isEqualTo(refused.size());
        assertThat(registry.count("certreg.mqtt.jitr.registrations")).isZero();
    }

    @Test
    void deactivatingACaDoesNotCutOffTheCertificatesRegisteredUnderIt() throws Exception {
        TestPki.Issued ca = ca();
        TestPki.Issued cert = registry.registeredDevice(ca, "sensor", CertificateStatus.ACTIVE);
        registry.cas.update(Registry.SCOPE, Registry.id(ca),
                new CaUpdate(CaCertificateStatus.INACTIVE, AutoRegistrationStatus.DISABLE, null, false));
        try (Device device = new Device(registry, "sensor", cert).connect()) {
            assertThat(device.client.isConnected()).isTrue();
        }
    }

    private List<ListedCertificate> byCa(String caId) {
        return registry.devices.listByCa(Registry.SCOPE, caId, new ListQuery(null, null, false)).certificates();
    }
}
