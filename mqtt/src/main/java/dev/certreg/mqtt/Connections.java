package dev.certreg.mqtt;

import io.moquette.broker.ClientDescriptor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The live connections, found by peer address (from the TLS layer) and by MQTT client id (from the broker). The broker
 * tells only a client id; its list of connected clients gives that id's peer address, which names the connection.
 * Thread-safe.
 */
final class Connections {
    private final Map<String, DeviceConnection> byPeer = new ConcurrentHashMap<>();
    private final Map<String, DeviceConnection> byClientId = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private volatile Supplier<Collection<ClientDescriptor>> connectedClients = List::of;

    void connectedClientsFrom(Supplier<Collection<ClientDescriptor>> source) {
        this.connectedClients = source;
    }

    DeviceConnection opened(String peerHost, int peerPort) {
        DeviceConnection connection = new DeviceConnection(peerHost, peerPort);
        byPeer.put(connection.key(), connection);
        return connection;
    }

    DeviceConnection atPeer(String peerHost, int peerPort) {
        return byPeer.get(DeviceConnection.key(peerHost, peerPort));
    }

    void closed(DeviceConnection connection) {
        byPeer.remove(connection.key(), connection);
    }

    /**
     * Binds {@code clientId} to the connection the broker now holds for it.
     *
     * @return the connection that held the id before, if another one did
     */
    DeviceConnection bind(String clientId) {
        DeviceConnection current = lookUp(clientId);
        if (current == null) {
            return null;
        }
        DeviceConnection previous = byClientId.put(clientId, current);
        if (current.clientId() == null) {
            current.bind(clientId, versions.computeIfAbsent(clientId, id -> new AtomicLong()).incrementAndGet());
        }
        return previous == current ? null : previous;
    }

    /** The connection bound to {@code clientId}, binding it first if the broker knows the id already. */
    DeviceConnection byClientId(String clientId) {
        DeviceConnection bound = byClientId.get(clientId);
        if (bound != null && !bound.isClosed()) {
            return bound;
        }
        bind(clientId);
        return byClientId.get(clientId);
    }

    /** The connection bound to {@code clientId}, as it is. */
    DeviceConnection bound(String clientId) {
        return byClientId.get(clientId);
    }

    void unbind(String clientId, DeviceConnection connection) {
        byClientId.remove(clientId, connection);
    }

    List<DeviceConnection> usingCertificate(String certificateId) {
        return byPeer.values().stream()
                .filter(c -> c.admitted() != null && c.admitted().certificateId().equals(certificateId))
                .toList();
    }

    /** The open connections that were admitted and have not told their MQTT client id yet. */
    Set<DeviceConnection> unboundAdmitted() {
        return byPeer.values().stream().filter(c -> c.admitted() != null && c.clientId() == null && !c.isClosed())
                .collect(Collectors.toSet());
    }

    /** The ids of the certificates live connections were admitted with, each once. */
    Set<String> admittedCertificateIds() {
        return byPeer.values().stream().filter(c -> c.admitted() != null).map(c -> c.admitted().certificateId())
                .collect(Collectors.toSet());
    }

    /** The connections admitted whose CONNECT was accepted and that are still open. */
    int connectedDevices() {
        return (int) byPeer.values().stream()
                .filter(c -> c.admitted() != null && c.clientId() != null && c.connectAllowed() && !c.isClosed())
                .count();
    }

    int size() {
        return byPeer.size();
    }

    private DeviceConnection lookUp(String clientId) {
        for (ClientDescriptor client : connectedClients.get()) {
            if (client.getClientID().equals(clientId)) {
                return atPeer(client.getAddress(), client.getPort());
            }
        }
        return null;
    }
}
