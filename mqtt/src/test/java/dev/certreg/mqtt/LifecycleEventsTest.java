package dev.certreg.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.testing.TestPki;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Presence events and the reserved topics, with Eclipse Paho clients. */
@Timeout(120)
class LifecycleEventsTest extends RegistryFixture {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void connectsDisconnectsAndATakenOverClientIdArePublished() throws Exception {
        TestPki.Issued cert = registry.registeredDevice(ca(), "sensor", CertificateStatus.ACTIVE);
        try (Device monitor = new Device(registry, "monitor",
                registry.registeredDevice(ca(), "monitor", CertificateStatus.ACTIVE)).connect()) {
            monitor.client.subscribe("$aws/events/presence/+/sensor-7", 1);
            Device first = new Device(registry, "sensor-7", cert).connect();
            JsonNode connected = next(monitor);
            assertThat(connected.get("eventType").asText()).isEqualTo("connected");
            assertThat(connected.get("clientId").asText()).isEqualTo("sensor-7");
            assertThat(connected.get("principalIdentifier").asText()).isEqualTo(Registry.id(cert));
            assertThat(connected.get("ipAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(connected.has("sessionIdentifier") && connected.has("versionNumber")).isTrue();

            try (Device second = new Device(registry, "sensor-7", cert).connect()) {
                JsonNode taken = next(monitor);
                assertThat(taken.get("eventType").asText()).isEqualTo("disconnected");
                assertThat(taken.get("disconnectReason").asText()).isEqualTo("DUPLICATE_CLIENTID");
                assertThat(taken.get("sessionIdentifier")).isEqualTo(connected.get("sessionIdentifier"));
                assertThat(first.lost.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(next(monitor).get("eventType").asText()).isEqualTo("connected");
                assertThat(second.client.isConnected()).isTrue();
            }
            JsonNode left = next(monitor);
            assertThat(left.get("disconnectReason").asText()).isEqualTo("CLIENT_INITIATED_DISCONNECT");
            assertThat(left.get("clientInitiatedDisconnect").asBoolean()).isTrue();
            first.client.close(true);
        }
    }

    @Test
    void aClientPublishingToAReservedTopicIsDisconnectedAndNothingIsDelivered() throws Exception {
        try (Device monitor = new Device(registry, "monitor",
                        registry.registeredDevice(ca(), "monitor", CertificateStatus.ACTIVE)).connect();
                Device forger = new Device(registry, "forger",
                        registry.registeredDevice(ca(), "forger", CertificateStatus.ACTIVE)).connect()) {
            monitor.client.subscribe("$aws/events/certificates/registered/+", 1);
            monitor.client.subscribe("canary", 1);
            forger.client.publish("$aws/events/certificates/registered/x", "{}".getBytes(UTF_8), 0, false);
            assertThat(forger.lost.await(30, TimeUnit.SECONDS)).isTrue();
            monitor.client.publish("canary", "after".getBytes(UTF_8), 1, false);
            assertThat(monitor.received.poll(30, TimeUnit.SECONDS).topic()).isEqualTo("canary");
        }
    }

    private static JsonNode next(Device monitor) throws Exception {
        Device.Received received = monitor.received.poll(30, TimeUnit.SECONDS);
        assertThat(received).isNotNull();
        return JSON.readTree(received.payload());
    }
}
