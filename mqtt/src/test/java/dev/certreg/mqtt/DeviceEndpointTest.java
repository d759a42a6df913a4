package dev.certreg.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.Audits;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.testing.TestPki;
import java.io.IOException;
import java.net.Socket;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The endpoint as {@code certreg serve} runs it: on BoringSSL where it loads ({@link JdkTlsTest}: the JDK's TLS). */
class DeviceEndpointTest extends RegistryFixture {
    /** CONNECT, protocol level 5, clean start, keep-alive 60 s, no properties, client id "v5". */
    private static final byte[] MQTT_5_CONNECT = {0x10, 0x0F, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x05, 0x02, 0x00, 0x3C,
        0x00, 0x00, 0x02, 'v', '5'};
    /** CONNECT, protocol level 4 (3.1.1), clean session, keep-alive 60 s, client id "v4". */
    private static final byte[] MQTT_3_1_1_CONNECT = {0x10, 0x0E, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00,
        0x3C, 0x00, 0x02, 'v', '4'};

    @RegisterExtension
    final StandardError log = new StandardError();

    @Test
    void theHandshakesRunOnBoringSslOnLinuxX86_64AndOnTheJdkElsewhere() {
        boolean boringSsl = nativeTls() && System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64");
        assertThat(registry.endpoint.tls()).startsWith(boringSsl ? "BoringSSL" : "the JDK's TLS");
    }

    @Test
    void anActiveCertificateConnectsAndExchangesMessagesAtQos0And1() throws Exception {
        TestPki.Issued ca = ca();
        TestPki.Issued cert = registry.registeredDevice(ca, "sensor", CertificateStatus.ACTIVE);
        try (Device device = new Device(registry, "sensor-1", cert).connect()) {
            device.client.subscribe("sensors/+/data", 1);
            device.client.publish("sensors/1/data", "zero".getBytes(UTF_8), 0, false);
            device.client.publish("sensors/1/data", "one".getBytes(UTF_8), 1, false);
            assertThat(device.received.poll(10, TimeUnit.SECONDS)).isEqualTo(
                    new Device.Received("sensors/1/data", "zero", 0));
            assertThat(device.received.poll(10, TimeUnit.SECONDS)).isEqualTo(
                    new Device.Received("sensors/1/data", "one", 1));
            assertThat(registry.count("certreg.mqtt.messages.received")).isEqualTo(2);
        }
    }

    @Test
    void inactiveRevokedAndUnknownCertificatesAreRefused() throws Exception {
        TestPki.Issued ca = ca();
        TestPki.Issued inactive = registry.registeredDevice(ca, "inactive", CertificateStatus.INACTIVE);
        TestPki.Issued revoked = registry.registeredDevice(ca, "revoked", CertificateStatus.REVOKED);
        TestPki.Issued unknown = ca.issue("unknown");
        for (TestPki.Issued cert : new TestPki.Issued[] {inactive, revoked, unknown}) {
            try (Device device = new Device(registry, "d", cert, ca)) {
                assertThatThrownBy(device::connect).isInstanceOf(MqttException.class);
            }
            assertThat(log.linesContaining("device refused: certificate " + Registry.id(cert))).hasSize(1);
        }
        assertThat(registry.refusals("not_active")).isEqualTo(2);
        assertThat(registry.refusals("no_auto_registration")).isEqualTo(1);
    }

    @Test
    void theSniHostReachesTheRegistryThatAdmitsTheCertificate() throws Exception {
        TestPki.Issued cert = registry.registeredDevice(ca(), "sensor", CertificateStatus.ACTIVE);
        String otherAccount = "0123456789abcd-ats.iot.us-east-1.amazonaws.com";
        try (SSLSocket socket = (SSLSocket) Device.socketFactory(registry.serverCa.root(), cert).createSocket(
                "localhost", registry.endpoint.port())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(otherAccount)));
            socket.setSSLParameters(parameters);
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
            socket.startHandshake();
            socket.getOutputStream().write(MQTT_3_1_1_CONNECT);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        } catch (IOException refused) {
            assertThat(refused).hasMessageContaining("certificate_unknown");
        }
        assertThat(registry.refusals("other_account")).isEqualTo(1);
        assertThat(log.linesContaining("device refused: certificate " + Registry.id(cert))).singleElement()
                .asString().contains("the SNI host " + otherAccount + " names");
    }

    @Test
    void anMqtt5ConnectIsAnsweredUnsupportedProtocolVersionAndLoggedOnce() throws Exception {
        TestPki.Issued ca = ca();
        TestPki.Issued cert = registry.registeredDevice(ca, "sensor", CertificateStatus.ACTIVE);
        try (Socket socket = Device.socketFactory(registry.serverCa.root(), cert).createSocket("localhost",
                registry.endpoint.port())) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
            socket.getOutputStream().write(MQTT_5_CONNECT);
            // MQTT 5.0, 3.1.4: CONNACK with reason code 0x84, Unsupported Protocol Version, then the close.
            assertThat(socket.getInputStream().readNBytes(6)).containsExactly(0x20, 0x03, 0x00, 0x84, 0x00);
        }
        assertThat(registry.refusals("unsupported_protocol")).isEqualTo(1);
        assertThat(log.linesContaining("device refused: certificate " + Registry.id(cert))).singleElement()
                .asString().contains("MQTT 5 is not supported");
        try (Device device = new Device(registry, "sensor-1", cert).connect()) {
            assertThat(device.client.isConnected()).isTrue();
        }
    }

    @Test
    void aClientWithoutACertificateIsRefusedInOneLogLine() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("certreg", registry.serverCa.root());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost",
                registry.endpoint.port())) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(30));
            // TLS 1.3 tells the client of the refusal only on its first read: an alert, or the connection closed.
            socket.startHandshake();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        } catch (IOException refused) {
            assertThat(refused).hasMessageContaining("certificate");
        }
        assertThat(registry.refusals("tls_handshake")).isEqualTo(1);
        assertThat(log.linesContaining("device refused: certificate - from 127.0.0.1: TLS handshake failed"))
                .hasSize(1);
    }

    @Test
    void revokingACertificateCutsItsConnectionOff() throws Exception {
        TestPki.Issued ca = ca();
        TestPki.Issued cert = registry.registeredDevice(ca, "sensor", CertificateStatus.ACTIVE);
        try (Device device = new Device(registry, "sensor-1", cert).connect()) {
            registry.devices.update(Registry.SCOPE, Registry.id(cert), CertificateStatus.REVOKED);
            assertThat(device.lost.await(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(device::connect).isInstanceOf(MqttException.class);
        }
    }

    @Test
    void aRevocationThatWasNotHeardIsFoundWhenChangesMayHaveBeenMissed() throws Exception {
        TestPki.Issued ca = ca();
        TestPki.Issued cert = registry.registeredDevice(ca, "sensor", CertificateStatus.ACTIVE);
        try (Device device = new Device(registry, "sensor-1", cert).connect()) {
            // Written to the store directly, as another node would: this endpoint hears nothing of it.
            DeviceCertificate current = registry.store.findDeviceCertificate(Registry.SCOPE, Registry.id(cert))
                    .orElseThrow();
            assertThat(registry.store.replaceDeviceCertificate(current.changed(current.scope(),
                    CertificateStatus.REVOKED, current.transfer(), Audits.of(Clock.systemUTC()).changed(
                            current.audit())), current.audit().customerVersion())).isTrue();

            registry.endpoint.changesMayHaveBeenMissed();

            assertThat(device.lost.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
