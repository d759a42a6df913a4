package dev.certreg.mqtt;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;

/** What the TLS layer asks of the endpoint about one connection. Implementations are thread-safe. */
interface ConnectionGate {
    /** A TCP connection arrived; the returned record follows it. */
    DeviceConnection opened(String peerHost, int peerPort);

    /**
     * The first application bytes (the MQTT CONNECT, of {@code protocolLevel}, or -1 if they start no readable
     * CONNECT) arrived after the handshake of {@code session}. Throwing closes the connection before the broker reads
     * them.
     */
    void firstApplicationData(DeviceConnection connection, SSLSession session, int protocolLevel)
            throws SSLException;

    /** The TLS layer failed on the connection's bytes; it closes the connection next. */
    void tlsFailed(DeviceConnection connection, SSLException failure);

    /** The TLS layer is closing the connection. */
    void closed(DeviceConnection connection);
}
