package dev.certreg.mqtt;

import dev.certreg.core.testing.TestPki;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** An Eclipse Paho client with a device certificate (and the chain it presents), trusting certreg's root. */
final class Device implements MqttCallback, AutoCloseable {
    record Received(String topic, String payload, int qos) {}

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final CountDownLatch lost = new CountDownLatch(1);
    final MqttClient client;
    private final MqttConnectOptions options = new MqttConnectOptions();

    Device(Registry registry, String clientId, TestPki.Issued device, TestPki.Issued... chain) throws Exception {
        client = new MqttClient("ssl://localhost:" + registry.endpoint.port(), clientId, new MemoryPersistence());
        client.setCallback(this);
        // Bound every blocking call: a write the endpoint cuts off (an oversized packet) must not wait forever.
        client.setTimeToWait(TimeUnit.SECONDS.toMillis(20));
        options.setSocketFactory(socketFactory(registry.serverCa.root(), device, chain));
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        // Paho retries a refused 3.1.1 CONNECT as MQTT 3.1 by default: one attempt per connect, one refusal.
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    }

    Device connect() throws MqttException {
        client.connect(options);
        return this;
    }

    /** A TLS socket factory presenting {@code device} (and {@code chain}), trusting {@code root}. */
    static SSLSocketFactory socketFactory(X509Certificate root, TestPki.Issued device,
            TestPki.Issued... chain) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        List<Certificate> certificates = new ArrayList<>(List.of(device.certificate()));
        for (TestPki.Issued issuer : chain) {
            certificates.add(issuer.certificate());
        }
        keys.setKeyEntry("device", device.keyPair().getPrivate(), new char[0],
                certificates.toArray(Certificate[]::new));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("certreg", root);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    @Override
    public void connectionLost(Throwable cause) {
        lost.countDown();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        received.add(new Received(topic, new String(message.getPayload(), java.nio.charset.StandardCharsets.UTF_8),
                message.getQos()));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {}

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close(true);
    }
}
