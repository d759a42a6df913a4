package dev.certreg.mqtt;

import java.util.List;

/**
 * Where the device endpoint listens and what it calls itself. Immutable.
 *
 * @param host the interface to bind
 * @param port the TLS port, 0 for any free port
 * @param advertisedHosts the names devices connect to; the server certificate names each, the first is
 *     DescribeEndpoint's answer when AWS's address shape does not resolve
 * @param serverCa the root that issues the server certificate
 * @param connectTimeoutSeconds how long a connection may stay without CONNECT before it is closed
 * @param nativeTls whether the handshakes run on BoringSSL where it loads (Linux on x86-64); false, or where it does
 *     not load, they run on the JDK's TLS
 */
public record DeviceEndpointSettings(String host, int port, List<String> advertisedHosts, ServerCa serverCa,
        int connectTimeoutSeconds, boolean nativeTls) {
    /** AWS IoT's MQTT-over-TLS port (developer guide, "Device communication protocols"). */
    public static final int DEFAULT_PORT = 8883;
    /** The default {@link #connectTimeoutSeconds}. */
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;

    public DeviceEndpointSettings {
        advertisedHosts = List.copyOf(advertisedHosts);
        if (advertisedHosts.isEmpty()) {
            throw new IllegalArgumentException("the device endpoint needs an advertised host");
        }
        if (connectTimeoutSeconds < 1) {
            throw new IllegalArgumentException("the connect timeout must be at least a second");
        }
    }

    /** Settings with the default connect timeout, on BoringSSL where it loads. */
    public DeviceEndpointSettings(String host, int port, List<String> advertisedHosts, ServerCa serverCa) {
        this(host, port, advertisedHosts, serverCa, DEFAULT_CONNECT_TIMEOUT_SECONDS, true);
    }
}
