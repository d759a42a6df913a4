package dev.certreg.mqtt;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * An {@link SSLEngine} (the JDK's or BoringSSL's) that lets the {@link ConnectionGate} see the first application
 * bytes of a connection, its close and a failed handshake. Just-in-time registration happens there: on the CONNECT
 * packet, after the handshake proved possession of the key, and the connection closes without CONNACK (AWS IoT
 * developer guide, "Just-in-time registration of client certificates"). Everything else is the delegate's. Not
 * thread-safe, like any SSLEngine.
 */
final class GatedSslEngine extends SSLEngine {
    /** Enough of a CONNECT to read its protocol level: fixed header, name length, "MQIsdp", level. */
    private static final int FIRST_BYTES_READ = 16;

    private final SSLEngine delegate;
    private final DeviceConnection connection;
    private final ConnectionGate gate;
    private boolean applicationDataSeen;
    private boolean failureReported;
    private boolean connackRewritten;

    GatedSslEngine(SSLEngine delegate, DeviceConnection connection, ConnectionGate gate) {
        super(delegate.getPeerHost(), delegate.getPeerPort());
        this.delegate = delegate;
        this.connection = connection;
        this.gate = gate;
    }

    @Override
    public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
        if (connection.cutReason() != null) {
            throw new SSLException("connection cut: " + connection.cutReason());
        }
        int[] before = applicationDataSeen ? null : positions(dsts, offset, length);
        SSLEngineResult result;
        try {
            result = delegate.unwrap(src, dsts, offset, length);
        } catch (SSLException e) {
            throw failed(e);
        }
        if (result.bytesProduced() > 0 && !applicationDataSeen) {
            applicationDataSeen = true;
            int protocolLevel = MqttProtocol.connectProtocolLevel(produced(dsts, offset, length, before));
            gate.firstApplicationData(connection, delegate.getSession(), protocolLevel);
        }
        return result;
    }

    /** A failed handshake, reported once: JSSE throws it from unwrap, BoringSSL's engine from the wrap after. */
    private SSLException failed(SSLException failure) {
        if (!failureReported) {
            failureReported = true;
            gate.tlsFailed(connection, failure);
        }
        return failure;
    }

    private static int[] positions(ByteBuffer[] buffers, int offset, int length) {
        int[] positions = new int[length];
        for (int k = 0; k < length; k++) {
            positions[k] = buffers[offset + k].position();
        }
        return positions;
    }

    /** The first bytes an unwrap wrote into {@code dsts}, enough for a CONNECT's fixed and variable header start. */
    private static byte[] produced(ByteBuffer[] dsts, int offset, int length, int[] before) {
        byte[] head = new byte[FIRST_BYTES_READ];
        int n = 0;
        for (int k = 0; k < length && n < head.length; k++) {
            ByteBuffer written = dsts[offset + k].duplicate();
            int end = written.position();
            written.position(before[k]).limit(end);
            int take = Math.min(written.remaining(), head.length - n);
            written.get(head, n, take);
            n += take;
        }
        return Arrays.copyOf(head, n);
    }

    /**
     * An MQTT 5 client is told "Unsupported Protocol Version" as MQTT 5 says it, not with the 3.1.1 code the broker
     * sends ({@link MqttProtocol}).
     */
    @Override
    public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
        try {
            if (connection.refusedProtocolLevel() == MqttProtocol.MQTT_5 && !connackRewritten) {
                ByteBuffer connack = MqttProtocol.unsupportedVersionConnack(srcs, offset, length);
                if (connack != null) {
                    SSLEngineResult result = delegate.wrap(connack, dst);
                    if (result.bytesConsumed() > 0) {
                        connackRewritten = true;
                        MqttProtocol.skip(srcs, offset, length, result.bytesConsumed());
                    }
                    return result;
                }
            }
            return delegate.wrap(srcs, offset, length, dst);
        } catch (SSLException e) {
            throw failed(e);
        }
    }

    @Override
    public Runnable getDelegatedTask() {
        return delegate.getDelegatedTask();
    }

    @Override
    public void closeInbound() throws SSLException {
        gate.closed(connection);
        delegate.closeInbound();
    }

    @Override
    public boolean isInboundDone() {
        return delegate.isInboundDone();
    }

    @Override
    public void closeOutbound() {
        gate.closed(connection);
        delegate.closeOutbound();
    }

    @Override
    public boolean isOutboundDone() {
        return delegate.isOutboundDone();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return delegate.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        delegate.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return delegate.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return delegate.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        delegate.setEnabledProtocols(protocols);
    }

    @Override
    public SSLSession getSession() {
        return delegate.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return delegate.getHandshakeSession();
    }

    @Override
    public void beginHandshake() throws SSLException {
        delegate.beginHandshake();
    }

    @Override
    public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
        return delegate.getHandshakeStatus();
    }

    @Override
    public void setUseClientMode(boolean mode) {
        delegate.setUseClientMode(mode);
    }

    @Override
    public boolean getUseClientMode() {
        return delegate.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        delegate.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return delegate.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        delegate.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return delegate.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        delegate.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return delegate.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return delegate.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters params) {
        delegate.setSSLParameters(params);
    }

    @Override
    public String getApplicationProtocol() {
        return delegate.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return delegate.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
        delegate.setHandshakeApplicationProtocolSelector(selector);
    }

    @Override
    public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
        return delegate.getHandshakeApplicationProtocolSelector();
    }
}
