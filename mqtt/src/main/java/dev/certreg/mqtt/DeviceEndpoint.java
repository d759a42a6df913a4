package dev.certreg.mqtt;

import dev.certreg.core.Admission;
import dev.certreg.core.CertificateChangeListener;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.DeviceAdmission;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.DeviceCertificateService;
import dev.certreg.core.DeviceTopics;
import dev.certreg.core.ServiceException;
import dev.certreg.core.policy.DeviceAuthorizer;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device endpoint: MQTT 3.1.1 over mutual TLS (Moquette), devices admitted by the registry. A certificate that
 * may not connect is refused in the TLS handshake; one that is PENDING_ACTIVATION, or is registered just in time, gets
 * its registration event and is closed on its CONNECT; a certificate that stops being ACTIVE is cut off at once
 * ({@link #certificateChanged}). An MQTT 5 CONNECT is answered CONNACK 0x84, Unsupported Protocol Version. Closing
 * stops the broker. Thread-safe.
 */
public final class DeviceEndpoint implements AutoCloseable, CertificateChangeListener, ConnectionGate,
        RegistryTrustManager.Admitter {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceEndpoint.class);
    /** AWS IoT's largest MQTT payload, 128 KB ("AWS IoT Core message broker and protocol limits"), plus headers. */
    private static final int MAX_PACKET_BYTES = 128 * 1024 + 1024;

    private final DeviceAdmission admission;
    private final DeviceCertificateService devices;
    private final SessionPolicies policies;
    private final Clock clock;
    private final Connections connections = new Connections();
    private final Server broker = new Server();
    private final EventPublisher events = new EventPublisher(broker);
    private final DeviceMetrics metrics;
    private volatile LifecycleEvents lifecycle;
    private int port;
    private String tls = "";

    private DeviceEndpoint(DeviceAdmission admission, DeviceCertificateService devices, SessionPolicies policies,
            Clock clock, MeterRegistry meters) {
        this.admission = admission;
        this.devices = devices;
        this.policies = policies;
        this.clock = clock;
        this.metrics = new DeviceMetrics(meters, connections);
    }

    /** Starts an endpoint; it answers devices when this returns, and counts what they do into {@code meters}. */
    public static DeviceEndpoint start(DeviceEndpointSettings settings, DeviceAdmission admission,
            DeviceCertificateService devices, DeviceTopics topics, DeviceAuthorizer authorizer, Clock clock,
            MeterRegistry meters) throws IOException {
        DeviceEndpoint endpoint =
                new DeviceEndpoint(admission, devices, new SessionPolicies(authorizer), clock, meters);
        endpoint.listen(settings, topics);
        return endpoint;
    }

    private void listen(DeviceEndpointSettings settings, DeviceTopics topics) throws IOException {
        ServerIdentity identity = settings.serverCa().issueServerCertificate(settings.advertisedHosts(), clock);
        RegistryTrustManager trust = new RegistryTrustManager(this);
        lifecycle = new LifecycleEvents(connections, events, clock, policies, metrics, this::disconnect);
        port = freePort(settings.host(), settings.port());
        tls = DeviceTls.describe(settings.nativeTls());
        broker.startServer(config(settings, port), List.of(lifecycle),
                () -> DeviceTls.context(identity, trust, this, settings.nativeTls()),
                (clientId, username, password) -> true,
                new TopicAuthorizer(connections, topics, policies, metrics, this::disconnect));
        connections.connectedClientsFrom(broker::listConnectedClients);
    }

    /**
     * {@code port} once it is seen to be free, or for 0 a port the operating system has free now. The broker would
     * pick one itself, but it records it from its event loop in a map it does not guard, so asking it for the port
     * while that happens can fail; choosing the port first leaves nothing to ask. A port in use fails here, with the
     * JDK's one-line BindException, where the broker would log its own failure with a stack trace first.
     */
    private static int freePort(String host, int port) throws IOException {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    private static IConfig config(DeviceEndpointSettings settings, int port) {
        Properties properties = new Properties();
        properties.setProperty(IConfig.HOST_PROPERTY_NAME, settings.host());
        properties.setProperty(IConfig.PORT_PROPERTY_NAME, "disabled");
        properties.setProperty(IConfig.SSL_PORT_PROPERTY_NAME, Integer.toString(port));
        properties.setProperty("need_client_auth", "true");
        properties.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        properties.setProperty("allow_zero_byte_client_id", "false");
        properties.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        properties.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
        // One interceptor thread keeps a connection's events in order: DISCONNECT, then the closed channel.
        properties.setProperty("intercept.thread_pool.size", "1");
        properties.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_PACKET_BYTES));
        // How long a connection may stay without CONNECT (and an idle session past keep-alive) before it is closed.
        properties.setProperty("netty.channel_timeout.seconds", Integer.toString(settings.connectTimeoutSeconds()));
        return new MemoryConfig(properties);
    }

    /** The TLS port the endpoint listens on. */
    public int port() {
        return port;
    }

    /**
     * What the handshakes run on, for the start-up line: BoringSSL's version, or the JDK's TLS and, where BoringSSL
     * was asked for, why it is not available.
     */
    public String tls() {
        return tls;
    }

    /** The number of open TLS connections. */
    public int openConnections() {
        return connections.size();
    }

    @Override
    public void admit(SSLEngine engine, X509Certificate[] chain) throws CertificateException {
        DeviceConnection connection = connections.atPeer(engine.getPeerHost(), engine.getPeerPort());
        Admission decision = admission.admit(ders(chain), serverName(engine.getHandshakeSession()));
        if (connection != null) {
            connection.admitted(decision);
        }
        if (decision instanceof Admission.Refused refused) {
            LOG.info("device refused: certificate {} from {}: {}", refused.certificateId(), engine.getPeerHost(),
                    refused.reason());
            metrics.refused(refused.refusal());
            throw new CertificateException(refused.reason());
        }
    }

    @Override
    public DeviceConnection opened(String peerHost, int peerPort) {
        return connections.opened(peerHost, peerPort);
    }

    @Override
    public void firstApplicationData(DeviceConnection connection, SSLSession session, int protocolLevel)
            throws SSLException {
        if (connection.admission() == null) {
            admitResumed(connection, session);
        }
        Admission decision = connection.admission();
        if (protocolLevel == MqttProtocol.MQTT_5) {
            // The broker refuses the CONNECT itself (GatedSslEngine corrects its CONNACK); nothing else happens.
            LOG.info("device refused: certificate {} from {}: MQTT 5 is not supported, only MQTT 3.1.1 and 3.1",
                    decision.certificateId(), connection.peerHost());
            metrics.refused(DeviceMetrics.UNSUPPORTED_PROTOCOL);
            connection.refuseProtocol(protocolLevel);
            return;
        }
        if (decision instanceof Admission.PendingActivation pending) {
            LOG.info("device refused: certificate {} from {}: certificate is PENDING_ACTIVATION",
                    pending.certificateId(), connection.peerHost());
            metrics.refused(DeviceMetrics.PENDING_ACTIVATION);
            registered(pending.certificate(), connection);
            throw new SSLException("certificate " + pending.certificateId() + " is PENDING_ACTIVATION");
        }
        if (decision instanceof Admission.AutoRegister candidate) {
            DeviceCertificate certificate;
            try {
                certificate = devices.registerPendingActivation(candidate.ca(), candidate.certificatePem());
            } catch (ServiceException e) {
                LOG.info("device refused: certificate {} from {}: {}", candidate.certificateId(),
                        connection.peerHost(), e.getMessage());
                metrics.refused(Admission.Refusal.NOT_REGISTRABLE);
                throw new SSLException(e.getMessage());
            }
            if (certificate.status() == CertificateStatus.PENDING_ACTIVATION) {
                metrics.registeredJustInTime();
            }
            LOG.info("device registered just in time: certificate {} under CA {} in account {}",
                    certificate.certificateId(), certificate.caCertificateId(), certificate.scope().account());
            registered(certificate, connection);
            throw new SSLException("certificate " + candidate.certificateId() + " registered PENDING_ACTIVATION");
        }
    }

    /**
     * A resumed TLS session skips the trust manager, so its certificate is admitted here, on CONNECT, against the
     * registry state of now: a certificate revoked since the first handshake gets no resumed session.
     */
    private void admitResumed(DeviceConnection connection, SSLSession session) throws SSLException {
        Admission decision;
        try {
            decision = admission.admit(ders(session.getPeerCertificates()), serverName(session));
        } catch (CertificateException | SSLPeerUnverifiedException e) {
            throw new SSLException("no usable client certificate", e);
        }
        connection.admitted(decision);
        if (decision instanceof Admission.Refused refused) {
            LOG.info("device refused: certificate {} from {}: {}", refused.certificateId(), connection.peerHost(),
                    refused.reason());
            metrics.refused(refused.refusal());
            throw new SSLException(refused.reason());
        }
    }

    /**
     * The registration event of "Just-in-time registration of client certificates", on
     * {@code $aws/events/certificates/registered/<caCertificateId>}. AWS sends a null
     * certificateRegistrationTimestamp on these events, and the device's address as sourceIp.
     */
    private void registered(DeviceCertificate certificate, DeviceConnection connection) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("certificateId", certificate.certificateId());
        payload.put("caCertificateId", certificate.caCertificateId());
        payload.put("timestamp", clock.millis());
        payload.put("certificateStatus", certificate.status().name());
        payload.put("awsAccountId", certificate.scope().account());
        payload.put("certificateRegistrationTimestamp", null);
        payload.put("sourceIp", connection.peerHost());
        events.publish("$aws/events/certificates/registered/" + certificate.caCertificateId(), payload);
    }

    /**
     * A handshake that failed before the registry decided on a certificate (no certificate, not TLS, an old TLS
     * version) is a refusal too; one decided on was logged where it was decided.
     */
    @Override
    public void tlsFailed(DeviceConnection connection, SSLException failure) {
        if (connection.admission() == null) {
            LOG.info("device refused: certificate - from {}: TLS handshake failed: {}", connection.peerHost(),
                    failure.getMessage());
            metrics.refused(DeviceMetrics.TLS_HANDSHAKE);
        }
    }

    @Override
    public void closed(DeviceConnection connection) {
        if (connection.markClosed()) {
            connections.closed(connection);
            LifecycleEvents presence = lifecycle;
            if (presence != null) {
                presence.settled(connection);
            }
        }
    }

    /**
     * Cuts off the live connections of a certificate that is no longer admitted: UpdateCertificate "disconnects all
     * devices that are using the certificate" when it leaves ACTIVE; certreg does it at once rather than within
     * minutes. A connection whose policies no longer allow its CONNECT (a policy detached, or a new default version)
     * is cut off too.
     */
    @Override
    public void certificateChanged(String certificateId) {
        for (DeviceConnection connection : connections.usingCertificate(certificateId)) {
            Admission.Admitted admitted = connection.admitted();
            if (!admission.stillAdmitted(admitted.certificate().scope(), certificateId)) {
                LOG.info("device cut off: certificate {} client {} from {}: no longer admitted", certificateId,
                        connection.clientId(), connection.peerHost());
                connection.cut(DisconnectReason.AUTH_ERROR);
                disconnect(connection);
            } else if (!policies.reauthorize(connection)) {
                connection.cut(DisconnectReason.AUTH_ERROR);
                disconnect(connection);
            }
        }
    }

    /** Decides again for every live connection, as if each one's certificate had changed. */
    @Override
    public void changesMayHaveBeenMissed() {
        connections.admittedCertificateIds().forEach(this::certificateChanged);
    }

    // Off the broker's thread, which must not wait for its own disconnect; the client is gone either way.
    @SuppressWarnings("FutureReturnValueIgnored")
    private void disconnect(DeviceConnection connection) {
        String clientId = connection.clientId();
        if (clientId != null && connections.bound(clientId) == connection) {
            CompletableFuture.runAsync(() -> broker.disconnectClient(clientId));
        }
    }

    private static List<byte[]> ders(Certificate[] chain) throws CertificateException {
        List<byte[]> ders = new ArrayList<>(chain.length);
        for (Certificate certificate : chain) {
            try {
                ders.add(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new CertificateException("a presented certificate cannot be encoded", e);
            }
        }
        return ders;
    }

    private static String serverName(SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession session) {
            for (SNIServerName name : session.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName();
                }
            }
        }
        return null;
    }

    @Override
    public void close() {
        broker.stopServer();
    }
}
