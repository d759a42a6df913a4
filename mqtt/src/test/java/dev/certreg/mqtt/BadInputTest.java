package dev.certreg.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.CertificateStatus;
import dev.certreg.core.testing.TestPki;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Garbage, plain-text MQTT, silence and an oversized packet are each dropped, and devices keep working. The endpoint
 * closes a connection silent for two seconds before CONNECT here (ten by default), so that silence is quick to test.
 */
@Timeout(120)
class BadInputTest extends RegistryFixture {
    /** An MQTT 3.1.1 CONNECT for client id "x", in clear text. */
    private static final byte[] PLAIN_CONNECT = {0x10, 0x0d, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3c,
        0x00, 0x01, 'x'};

    @Override
    int connectTimeoutSeconds() {
        return 2;
    }

    @Test
    void garbageAndPlainTextMqttAreClosedWithoutAnswer() throws Exception {
        assertThat(answerTo(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 1, 2, 3, 4, 5})).isNotEqualTo(0x20);
        assertThat(answerTo(PLAIN_CONNECT)).isNotEqualTo(0x20);
        assertThat(answerTo("GET / HTTP/1.1\r\n\r\n".getBytes(UTF_8))).isNotEqualTo(0x20);
        stillServesDevices();
    }

    @Test
    void aClientThatNeverSpeaksIsClosed() throws Exception {
        try (Socket silent = new Socket(InetAddress.getLoopbackAddress(), registry.endpoint.port())) {
            silent.setSoTimeout((int) TimeUnit.SECONDS.toMillis(60));
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void anOversizedPacketClosesTheConnection() throws Exception {
        TestPki.Issued ca = ca();
        TestPki.Issued cert = registry.registeredDevice(ca, "big", CertificateStatus.ACTIVE);
        try (Device device = new Device(registry, "big", cert).connect()) {
            try {
                device.client.publish("big/data", new byte[256 * 1024], 0, false);
            } catch (org.eclipse.paho.client.mqttv3.MqttException e) {
                // The client may see the close before its own write completes.
            }
            assertThat(device.lost.await(30, TimeUnit.SECONDS)).isTrue();
        }
        stillServesDevices();
    }

    /** The first byte the endpoint answers with (0x20 would be a CONNACK), or -1 when it closes. */
    private int answerTo(byte[] bytes) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), registry.endpoint.port())) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            int first = in.read();
            while (first != -1 && in.read() != -1) {
                // Drain a TLS alert until the close.
            }
            return first;
        }
    }

    private void stillServesDevices() throws Exception {
        TestPki.Issued ca = registry.registeredCa("after", false);
        try (Device device = new Device(registry, "after",
                registry.registeredDevice(ca, "after", CertificateStatus.ACTIVE)).connect()) {
            assertThat(device.client.isConnected()).isTrue();
        }
    }
}
