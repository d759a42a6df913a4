package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;

/**
 * The device endpoint as an operator of {@code certreg serve} sees it: a refused device is one log line with the
 * certificate id and the reason, and no stack trace; connects, refusals by reason and messages are on /metrics.
 */
@Timeout(180)
class DeviceEndpointOperationsTest {
    private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iot:*\",\"Resource\":\"*\"}]}";
    private static final Duration METRICS_BOUND = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void aRefusedDeviceIsOneLogLineWithoutStackTraceAndConnectsAndRefusalsAreCounted() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir); IotClient iot = iot(server.endpoint())) {
            CreateKeysAndCertificateResponse active = iot.createKeysAndCertificate(r -> r.setAsActive(true));
            CreateKeysAndCertificateResponse inactive = iot.createKeysAndCertificate(r -> r.setAsActive(false));
            iot.createPolicy(r -> r.policyName("allow-all").policyDocument(ALLOW_ALL));
            iot.attachPolicy(r -> r.policyName("allow-all").target(active.certificateArn()));

            MqttClient device = new MqttClient("ssl://localhost:" + server.mqttPort(), "sensor-1",
                    new MemoryPersistence());
            device.connect(options(active));
            device.publish("fleet/sensor-1", "hello".getBytes(StandardCharsets.UTF_8), 1, false);
            MqttClient refused = new MqttClient("ssl://localhost:" + server.mqttPort(), "sensor-2",
                    new MemoryPersistence());
            assertThatThrownBy(() -> refused.connect(options(inactive))).isInstanceOf(MqttException.class);
            refused.close(true);

            URI metrics = server.managementEndpoint().resolve("/metrics");
            awaitMetrics(metrics, List.of("certreg_mqtt_connected_devices 1.0", "certreg_mqtt_connects_total 1.0",
                    "certreg_mqtt_refusals_total{reason=\"not_active\"} 1.0",
                    "certreg_mqtt_messages_received_total 1.0"));
            device.disconnect();
            device.close(true);
            awaitMetrics(metrics, List.of("certreg_mqtt_connected_devices 0.0"));

            server.terminate();
            assertThat(server.awaitExit(Duration.ofSeconds(30))).isZero();
            List<String> log = server.stderrLines();
            assertThat(log).filteredOn(line -> line.contains(inactive.certificateId())).singleElement().asString()
                    .contains("INFO dev.certreg.mqtt.DeviceEndpoint - device refused: certificate "
                            + inactive.certificateId())
                    .contains("certificate is INACTIVE");
            assertThat(log).noneMatch(line -> line.startsWith("\tat ") || line.contains(" ERROR "));
        }
    }

    private static void awaitMetrics(URI metrics, List<String> wanted) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + METRICS_BOUND.toNanos();
        String text = "";
        while (System.nanoTime() < deadline) {
            text = http.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
            String scraped = text;
            if (wanted.stream().allMatch(scraped::contains)) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
        assertThat(text).as("metrics after " + METRICS_BOUND).contains(wanted);
    }

    private static IotClient iot(URI endpoint) {
        return IotClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClientBuilder(Apache5HttpClient.builder()).build();
    }

    private MqttConnectOptions options(CreateKeysAndCertificateResponse created) throws Exception {
        return DeviceCredentials.options(created, dataDir.resolve(ServerCaFile.ROOT_FILE_NAME));
    }
}
