package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;

/**
 * Two {@code certreg serve} nodes on one PostgreSQL database: a device connected to node B is cut off when its
 * certificate is revoked through node A, which B hears through LISTEN/NOTIFY.
 */
@Timeout(240)
class MultiNodeRevocationTest {
    /** Generous for a loaded machine; the cut-off itself follows the commit by milliseconds. */
    private static final long CUT_OFF_BOUND_SECONDS = 10;

    @TempDir
    Path dataDir;

    private static final String ALLOW_ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iot:*\",\"Resource\":\"*\"}]}";

    @Test
    void aDeviceOnNodeBIsCutOffWhenItsCertificateIsRevokedOnNodeA() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            // The nodes share the data directory too: the marker secret, the issuing CA and the server CA.
            try (ServerProcess nodeA = node(url); ServerProcess nodeB = node(url);
                    IotClient iot = iot(nodeA.endpoint())) {
                CreateKeysAndCertificateResponse created = iot.createKeysAndCertificate(r -> r.setAsActive(true));
                iot.createPolicy(r -> r.policyName("allow-all").policyDocument(ALLOW_ALL));
                iot.attachPolicy(r -> r.policyName("allow-all").target(created.certificateArn()));
                CountDownLatch lost = new CountDownLatch(1);
                MqttClient device = connected(nodeB.mqttPort(), created, lost);
                try {
                    iot.updateCertificate(r -> r.certificateId(created.certificateId())
                            .newStatus(CertificateStatus.REVOKED));

                    assertThat(lost.await(CUT_OFF_BOUND_SECONDS, TimeUnit.SECONDS))
                            .as("device on node B cut off").isTrue();
                } finally {
                    // Still connected only when the test failed: close must not hide that failure.
                    if (device.isConnected()) {
                        device.disconnectForcibly(0, 1_000);
                    }
                    device.close(true);
                }
            }
        }
    }

    private ServerProcess node(String jdbcUrl) throws Exception {
        return ServerProcess.start(dataDir, "--store", "postgres", "--jdbc-url", jdbcUrl, "--db-user", "postgres");
    }

    private static IotClient iot(URI endpoint) {
        return IotClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClientBuilder(Apache5HttpClient.builder()).build();
    }

    private MqttClient connected(int port, CreateKeysAndCertificateResponse created, CountDownLatch lost)
            throws Exception {
        MqttClient client = new MqttClient("ssl://localhost:" + port, "device-on-b", new MemoryPersistence());
        client.setTimeToWait(TimeUnit.SECONDS.toMillis(20));
        client.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                lost.countDown();
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {}

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        client.connect(DeviceCredentials.options(created, dataDir.resolve(ServerCaFile.ROOT_FILE_NAME)));
        return client;
    }
}
