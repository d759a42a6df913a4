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
 */
public record DeviceEndpointSettings(String host, int port, List<String> advertisedHosts, ServerCa serverCa) {
    /** AWS IoT's MQTT-over-TLS port (developer guide, "Device communication protocols"). */
    public static final int DEFAULT_PORT = 8883;

    public DeviceEndpointSettings {
        advertisedHosts = List.copyOf(advertisedHosts);
        if (advertisedHosts.isEmpty()) {
            throw new IllegalArgumentException("the device endpoint needs an advertised host");
        }
    }
}
