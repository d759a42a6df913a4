package dev.certreg.bench;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import io.netty.handler.ssl.OpenSsl;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The MQTT load of {@code bench/run.sh mqtt}: connections with {@link ConnectLoad}, messages and idle devices with
 * the HiveMQ MQTT client (one Netty event loop shared by every client, so ten thousand connections cost no thread
 * each). Devices are the certificates {@code mqtt-prepare}
 * wrote: {@code devices.pem} (one certificate each, all for the key in {@code device.key}).
 *
 * <ul>
 *   <li>{@code mqtt-connect}: new mutual-TLS connections, each CONNECT acknowledged and then disconnected, with
 *       {@code --concurrency} in flight, for {@code --seconds}; each uses a device not used before, from device
 *       {@code --first} (default 0) on.
 *   <li>{@code mqtt-publish}: {@code --publishers} devices publish QoS 0 messages for {@code --seconds} to topics one
 *       subscriber receives.
 *   <li>{@code mqtt-idle}: connects {@code --n} devices and keeps them connected (keep-alive pings only) until
 *       standard input closes.
 * </ul>
 */
final class MqttLoad {
    private static final long WAIT_SECONDS = 120;
    /** Handshakes in flight while idle devices connect: the endpoint closes a connection without CONNECT in 10 s. */
    private static final int IDLE_CONCURRENCY = 64;

    private final String host;
    private final int port;
    private final TrustManagerFactory trust;
    private final PrivateKey deviceKey;
    private final List<X509Certificate> devices;

    private MqttLoad(Map<String, String> options) throws Exception {
        host = options.getOrDefault("host", "localhost");
        port = Integer.parseInt(options.get("port"));
        Path dir = Path.of(options.get("devices"));
        trust = trust(certificates(Files.readString(Path.of(options.get("root-ca")))).get(0));
        deviceKey = privateKey(Files.readString(dir.resolve("device.key")));
        devices = certificates(Files.readString(dir.resolve("devices.pem")));
    }

    static String run(String command, Map<String, String> options) throws Exception {
        MqttLoad load = new MqttLoad(options);
        return switch (command) {
            case "mqtt-connect" -> load.connect(Integer.parseInt(options.getOrDefault("concurrency", "32")),
                    Double.parseDouble(options.getOrDefault("seconds", "10")),
                    Integer.parseInt(options.getOrDefault("first", "0")));
            case "mqtt-publish" -> load.publish(Integer.parseInt(options.getOrDefault("publishers", "4")),
                    Double.parseDouble(options.getOrDefault("seconds", "10")));
            case "mqtt-idle" -> load.idle(Integer.parseInt(options.getOrDefault("n", "10000")),
                    Double.parseDouble(options.getOrDefault("seconds", "90")));
            default -> throw new IllegalArgumentException("unknown command " + command);
        };
    }

    private Mqtt3AsyncClient client(int device) throws Exception {
        KeyStore keys = KeyStore.getInstance("JKS");
        keys.load(null, null);
        keys.setKeyEntry("device", deviceKey, new char[] {'x'}, new Certificate[] {devices.get(device)});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[] {'x'});
        return Mqtt3Client.builder().identifier("bench-" + device).serverHost(host).serverPort(port)
                .sslConfig(MqttClientSslConfig.builder().keyManagerFactory(keyManagers).trustManagerFactory(trust)
                        .build())
                .buildAsync();
    }

    /**
     * Connects and disconnects fresh devices, {@code concurrency} at a time, until the time is up, from device
     * {@code first} on (a warm-up run uses other devices than the measured one), with {@link ConnectLoad}.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // whenComplete counts every outcome
    private String connect(int concurrency, double seconds, int first) throws Exception {
        int next = first;
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (ConnectLoad load = new ConnectLoad(host, port, trust, deviceKey, devices)) {
            long started = System.nanoTime();
            long deadline = started + (long) (seconds * 1e9);
            Semaphore slots = new Semaphore(concurrency);
            while (System.nanoTime() < deadline) {
                if (!slots.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                int i = next++;
                if (i >= devices.size()) {
                    slots.release();
                    break;
                }
                load.connect(i).whenComplete((accepted, error) -> {
                    (Boolean.TRUE.equals(accepted) ? connected : failed).incrementAndGet();
                    slots.release();
                });
            }
            slots.tryAcquire(concurrency, WAIT_SECONDS, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - started) / 1e9;
            return String.format(Locale.ROOT, "{\"connections\":%d,\"failed\":%d,\"seconds\":%.3f,"
                    + "\"perSecond\":%.1f,\"concurrency\":%d,\"tls\":\"%s\"}", connected.get(), failed.get(),
                    elapsed, connected.get() / elapsed, concurrency, clientTls());
        }
    }

    /**
     * The TLS the load's handshakes run on: both clients leave the choice to Netty, which takes BoringSSL
     * (netty-tcnative) where it loads, as the device endpoint does, and the JDK's TLS elsewhere.
     */
    private static String clientTls() {
        return OpenSsl.isAvailable() ? OpenSsl.versionString() : "JDK";
    }

    /** Publishers send QoS 0 as fast as the client lets them; one subscriber counts what arrives. */
    @SuppressWarnings("FutureReturnValueIgnored") // whenComplete counts every outcome
    private String publish(int publishers, double seconds) throws Exception {
        AtomicLong received = new AtomicLong();
        Mqtt3AsyncClient subscriber = client(0);
        subscriber.connectWith().cleanSession(true).send().get(WAIT_SECONDS, TimeUnit.SECONDS);
        subscriber.subscribeWith().topicFilter("bench/#").qos(MqttQos.AT_MOST_ONCE)
                .callback(message -> received.incrementAndGet()).send().get(WAIT_SECONDS, TimeUnit.SECONDS);
        List<Mqtt3AsyncClient> senders = new ArrayList<>();
        for (int p = 1; p <= publishers; p++) {
            Mqtt3AsyncClient sender = client(p);
            sender.connectWith().cleanSession(true).send().get(WAIT_SECONDS, TimeUnit.SECONDS);
            senders.add(sender);
        }
        byte[] payload = "{\"temperature\":21.5,\"device\":\"bench\"}".getBytes(StandardCharsets.UTF_8);
        long sent = 0;
        long startReceived = received.get();
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        // A bounded number of messages in flight: QoS 0 has no acknowledgement to pace the publishers.
        Semaphore inFlight = new Semaphore(2_000);
        while (System.nanoTime() < deadline) {
            for (int p = 0; p < senders.size(); p++) {
                if (!inFlight.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                senders.get(p).publishWith().topic("bench/" + p).qos(MqttQos.AT_MOST_ONCE).payload(payload).send()
                        .whenComplete((ok, error) -> inFlight.release());
                sent++;
            }
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long inWindow = received.get() - startReceived;
        // Messages still queued in the broker arrive after the publishers stop: count them until none arrive for a
        // second, and divide by the time to the last one.
        long last = received.get();
        long lastChange = System.nanoTime();
        long drainDeadline = lastChange + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(1) && System.nanoTime() < drainDeadline) {
            Thread.sleep(50);
            long now = received.get();
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            }
        }
        long delivered = last - startReceived;
        double toLast = (lastChange - started) / 1e9;
        for (Mqtt3AsyncClient sender : senders) {
            sender.disconnect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        subscriber.disconnect().get(WAIT_SECONDS, TimeUnit.SECONDS);
        return String.format(Locale.ROOT, "{\"publishers\":%d,\"sent\":%d,\"delivered\":%d,\"seconds\":%.3f,"
                + "\"sentPerSecond\":%.1f,\"deliveredInWindow\":%d,\"secondsToLastDelivery\":%.3f,"
                + "\"deliveredPerSecond\":%.1f}", publishers, sent, delivered, elapsed, sent / elapsed,
                inWindow, toLast, delivered / toLast);
    }

    /**
     * Connects {@code n} devices, {@link #IDLE_CONCURRENCY} at a time, or as many as connect within {@code seconds};
     * reports, then holds them until standard input closes.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // whenComplete counts every outcome
    private String idle(int n, double seconds) throws Exception {
        List<Mqtt3AsyncClient> clients = new ArrayList<>();
        for (int i = 0; i < Math.min(n, devices.size()); i++) {
            clients.add(client(i));
        }
        AtomicInteger connected = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Semaphore slots = new Semaphore(IDLE_CONCURRENCY);
        long started = System.nanoTime();
        long deadline = started + (long) (seconds * 1e9);
        for (Mqtt3AsyncClient client : clients) {
            if (System.nanoTime() > deadline) {
                break;
            }
            if (!slots.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("connections stopped completing");
            }
            client.connectWith().cleanSession(true).keepAlive(300).send().whenComplete((ack, error) -> {
                (error == null ? connected : failed).incrementAndGet();
                slots.release();
            });
        }
        slots.tryAcquire(IDLE_CONCURRENCY, WAIT_SECONDS, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.println(String.format(Locale.ROOT, "{\"connected\":%d,\"failed\":%d,\"seconds\":%.3f}",
                connected.get(), failed.get(), elapsed));
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        CompletableFuture.allOf(clients.stream().filter(c -> c.getState().isConnected())
                .map(Mqtt3AsyncClient::disconnect).toArray(CompletableFuture[]::new))
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        return "{\"released\":true}";
    }

    private static TrustManagerFactory trust(X509Certificate root) throws Exception {
        KeyStore trusted = KeyStore.getInstance("JKS");
        trusted.load(null, null);
        trusted.setCertificateEntry("certreg", root);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return factory;
    }

    private static List<X509Certificate> certificates(String pem) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            certificates.add((X509Certificate) c);
        }
        return certificates;
    }

    private static PrivateKey privateKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (parsed instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            return converter.getPrivateKey((PrivateKeyInfo) parsed);
        }
    }
}
