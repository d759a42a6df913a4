package dev.certreg.mqtt;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolNegotiator;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSessionContext;

/**
 * The broker's netty {@link SslContext}: the JDK context of {@link DeviceTls}, each engine wrapped in a
 * {@link GatedSslEngine} that knows its connection. The broker asks for engines with the peer's address, which is
 * how the trust manager, the engine and the MQTT session find one connection record. Thread-safe.
 */
final class GatedSslContext extends SslContext {
    private final SslContext delegate;
    private final ConnectionGate gate;

    GatedSslContext(SslContext delegate, ConnectionGate gate) {
        this.delegate = delegate;
        this.gate = gate;
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc, String peerHost, int peerPort) {
        SSLEngine engine = delegate.newEngine(alloc, peerHost, peerPort);
        return new GatedSslEngine(engine, gate.opened(peerHost, peerPort), gate);
    }

    @Override
    public SSLEngine newEngine(ByteBufAllocator alloc) {
        throw new UnsupportedOperationException("the device endpoint needs the peer's address");
    }

    @Override
    public boolean isClient() {
        return false;
    }

    @Override
    public List<String> cipherSuites() {
        return delegate.cipherSuites();
    }

    @Override
    @SuppressWarnings("deprecation")
    public ApplicationProtocolNegotiator applicationProtocolNegotiator() {
        return delegate.applicationProtocolNegotiator();
    }

    @Override
    public SSLSessionContext sessionContext() {
        return delegate.sessionContext();
    }
}
