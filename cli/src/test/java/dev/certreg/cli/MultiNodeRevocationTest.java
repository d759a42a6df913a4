package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
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
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(tls(created).getSocketFactory());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(20);
        client.connect(options);
        return client;
    }

    private SSLContext tls(CreateKeysAndCertificateResponse created) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("device", privateKey(created.keyPair().privateKey()), new char[0],
                new Certificate[] {certificate(created.certificatePem())});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("certreg",
                certificate(Files.readString(dataDir.resolve(ServerCaFile.ROOT_FILE_NAME))));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static PrivateKey privateKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return parsed instanceof PEMKeyPair pair ? converter.getPrivateKey(pair.getPrivateKeyInfo())
                    : converter.getPrivateKey((PrivateKeyInfo) parsed);
        }
    }
}
