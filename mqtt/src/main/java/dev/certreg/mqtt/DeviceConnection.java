package dev.certreg.mqtt;

import dev.certreg.core.Admission;
import dev.certreg.core.policy.DeviceSession;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One TCP connection to the device endpoint, from the TLS handshake to its close: what admission decided, the MQTT
 * client id once CONNECT arrived, and why it ended. Thread-safe.
 */
final class DeviceConnection {
    private final String peerHost;
    private final int peerPort;
    private final String sessionIdentifier = UUID.randomUUID().toString();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean disconnectReported = new AtomicBoolean();
    private volatile Admission admission;
    private volatile String clientId;
    private volatile long versionNumber;
    private volatile DisconnectReason cutReason;
    private volatile DeviceSession session;
    private volatile boolean connectAllowed;
    private volatile int refusedProtocolLevel = -1;

    DeviceConnection(String peerHost, int peerPort) {
        this.peerHost = peerHost;
        this.peerPort = peerPort;
    }

    String peerHost() {
        return peerHost;
    }

    int peerPort() {
        return peerPort;
    }

    String key() {
        return key(peerHost, peerPort);
    }

    static String key(String host, int port) {
        return host + "|" + port;
    }

    String sessionIdentifier() {
        return sessionIdentifier;
    }

    Admission admission() {
        return admission;
    }

    void admitted(Admission decision) {
        this.admission = decision;
    }

    /** The admitted certificate's id, or null before the handshake or after a refusal. */
    Admission.Admitted admitted() {
        return admission instanceof Admission.Admitted a ? a : null;
    }

    String clientId() {
        return clientId;
    }

    void bind(String id, long version) {
        this.clientId = id;
        this.versionNumber = version;
    }

    long versionNumber() {
        return versionNumber;
    }

    /** Marks the connection as cut by the server for {@code reason}; the first reason wins. */
    void cut(DisconnectReason reason) {
        if (cutReason == null) {
            cutReason = reason;
        }
    }

    DisconnectReason cutReason() {
        return cutReason;
    }

    boolean markClosed() {
        return closed.compareAndSet(false, true);
    }

    boolean isClosed() {
        return closed.get();
    }

    /** True once: whether the caller is the one to report this connection's disconnection. */
    boolean claimDisconnectReport() {
        return disconnectReported.compareAndSet(false, true);
    }

    /** What the policies see of this connection, once its CONNECT was authorized or refused; else null. */
    DeviceSession session() {
        return session;
    }

    /** Whether the policies allowed the CONNECT of {@link #session()} when it was last decided. */
    boolean connectAllowed() {
        return connectAllowed;
    }

    void authorized(DeviceSession decided, boolean allowed) {
        this.connectAllowed = allowed;
        this.session = decided;
    }

    /** Refuses the protocol level of this connection's CONNECT; the broker answers it. */
    void refuseProtocol(int protocolLevel) {
        this.refusedProtocolLevel = protocolLevel;
    }

    /** The protocol level of a refused CONNECT, or -1. */
    int refusedProtocolLevel() {
        return refusedProtocolLevel;
    }
}
