package dev.certreg.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.CertificateStatus;
import dev.certreg.core.ThingPrincipalType;
import dev.certreg.core.testing.TestPki;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;

/** CONNECT, PUBLISH and SUBSCRIBE decided by the policies attached to the certificate, with real Paho clients. */
class DevicePolicyTest extends RegistryFixture {
    private static final String ARN = "arn:aws:iot:us-east-1:" + Registry.SCOPE.account() + ":";
    private static final String SENSORS = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\",\"Resource\":\"" + ARN + "client/sensor-*\"},"
            + "{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\",\"Resource\":\"" + ARN + "topic/sensors/*\"},"
            + "{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\",\"Resource\":\"" + ARN + "topicfilter/sensors/*\"}]}";
    private static final String OWN_THING = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"iot:Connect\","
            + "\"Resource\":\"" + ARN + "client/${iot:Connection.Thing.ThingName}\"}]}";

    /** Policy changes take effect within a second; the bound only keeps a broken build from hanging. */
    private static final long CUT_OFF_BOUND_SECONDS = 10;

    @Test
    void aCertificateWithoutPoliciesCannotStayConnected() throws Exception {
        TestPki.Issued cert = registry.registeredWithoutPolicy(ca(), "bare", CertificateStatus.ACTIVE);
        try (Device device = new Device(registry, "sensor-1", cert)) {
            assertRefused(device);
        }
        assertThat(registry.refusals("connect_not_authorized")).isEqualTo(1);
        assertThat(registry.count("certreg.mqtt.connects")).isZero();
    }

    @Test
    void connectIsDecidedOnTheClientId() throws Exception {
        TestPki.Issued cert = sensor();
        try (Device device = new Device(registry, "sensor-1", cert).connect()) {
            device.client.subscribe("sensors/1", 1);
            device.client.publish("sensors/1", "ok".getBytes(UTF_8), 1, false);
            assertThat(device.received.poll(10, TimeUnit.SECONDS)).isEqualTo(
                    new Device.Received("sensors/1", "ok", 1));
        }
        try (Device device = new Device(registry, "pump-1", cert)) {
            assertRefused(device);
        }
    }

    @Test
    void aRefusedTopicFilterGetsTheFailureCode() throws Exception {
        try (Device device = new Device(registry, "sensor-1", sensor()).connect()) {
            assertThatThrownBy(() -> device.client.subscribe("pumps/1", 1))
                    .isInstanceOfSatisfying(MqttException.class,
                            e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_SUBSCRIBE_FAILED));
            assertThat(device.client.isConnected()).isTrue();
        }
    }

    @Test
    void aRefusedPublishDisconnectsTheClient() throws Exception {
        try (Device device = new Device(registry, "sensor-1", sensor()).connect()) {
            // Sent without waiting for the client's token: the server may close the connection before the client
            // has marked the message sent, and the client does not always complete the token then.
            MqttMessage message = new MqttMessage("no".getBytes(UTF_8));
            message.setQos(0);
            device.client.getTopic("pumps/1").publish(message);
            assertThat(device.lost.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void thingVariablesResolveForTheAttachedThingTheClientIdNames() throws Exception {
        TestPki.Issued cert = registry.registeredWithoutPolicy(ca(), "pump", CertificateStatus.ACTIVE);
        registry.attach("own-thing", OWN_THING, cert);
        registry.things.create(Registry.SCOPE, "pump-1", null, Map.of(), null);
        registry.things.create(Registry.SCOPE, "pump-2", null, Map.of(), null);
        registry.things.attachPrincipal(Registry.SCOPE, "pump-1", Registry.SCOPE.certificateArn(Registry.id(cert)),
                ThingPrincipalType.NON_EXCLUSIVE_THING);
        try (Device device = new Device(registry, "pump-1", cert).connect()) {
            assertThat(device.client.isConnected()).isTrue();
        }
        try (Device device = new Device(registry, "pump-2", cert)) {
            assertRefused(device);
        }
    }

    @Test
    void detachingThePolicyDisconnectsTheDevice() throws Exception {
        TestPki.Issued cert = registry.registeredDevice(ca(), "sensor", CertificateStatus.ACTIVE);
        try (Device device = new Device(registry, "sensor-1", cert).connect()) {
            registry.policies.detach(Registry.SCOPE, Registry.ALLOW_ALL[0],
                    Registry.SCOPE.certificateArn(Registry.id(cert)));
            assertThat(device.lost.await(CUT_OFF_BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aNewDefaultVersionAppliesToLiveSessions() throws Exception {
        try (Device device = new Device(registry, "sensor-1", sensor()).connect()) {
            registry.policies.createVersion(Registry.SCOPE, "sensors", Registry.policy("iot:Publish", "*"), true);
            assertThat(device.lost.await(CUT_OFF_BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aNewDefaultVersionDecidesTheNextPublish() throws Exception {
        try (Device device = new Device(registry, "sensor-1", sensor()).connect()) {
            device.client.subscribe("sensors/1", 1);
            registry.policies.createVersion(Registry.SCOPE, "sensors", SENSORS.replace("topic/sensors/*",
                    "topic/other/*"), true);
            assertThat(device.client.isConnected()).isTrue();
            device.client.publish("sensors/1", "no".getBytes(UTF_8), 0, false);
            assertThat(device.lost.await(CUT_OFF_BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(device.received).isEmpty();
        }
    }

    /** A certificate with only the {@code sensors} policy attached. */
    private TestPki.Issued sensor() {
        TestPki.Issued cert = registry.registeredWithoutPolicy(ca(), "sensor", CertificateStatus.ACTIVE);
        registry.attach("sensors", SENSORS, cert);
        return cert;
    }

    /**
     * The broker answers CONNECT before its policy decision can run, so a refused client sees either a failed
     * connect or its connection closed just after.
     */
    private static void assertRefused(Device device) throws InterruptedException {
        try {
            device.connect();
        } catch (MqttException refused) {
            return;
        }
        assertThat(device.lost.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
