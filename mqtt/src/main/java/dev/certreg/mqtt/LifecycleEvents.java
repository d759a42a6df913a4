package dev.certreg.mqtt;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The presence events of the AWS IoT developer guide's "Lifecycle events": {@code $aws/events/presence/connected/…}
 * and {@code …/disconnected/…}, with its payload fields. A client id that takes over a live connection's id makes the
 * old connection's {@code disconnected} event, with {@code DUPLICATE_CLIENTID}, come before the new one's
 * {@code connected}. Client ids with {@code #} or {@code +} get no events, as on AWS. Thread-safe.
 */
final class LifecycleEvents extends AbstractInterceptHandler {
    private static final String PRESENCE = "$aws/events/presence/";

    private final Connections connections;
    private final EventPublisher events;
    private final Clock clock;
    private final SessionPolicies policies;
    private final DeviceMetrics metrics;
    private final Consumer<DeviceConnection> disconnect;
    private final List<PendingLoss> pendingLosses = new ArrayList<>();

    LifecycleEvents(Connections connections, EventPublisher events, Clock clock, SessionPolicies policies,
            DeviceMetrics metrics, Consumer<DeviceConnection> disconnect) {
        this.connections = connections;
        this.events = events;
        this.clock = clock;
        this.policies = policies;
        this.metrics = metrics;
        this.disconnect = disconnect;
    }

    @Override
    public String getID() {
        return "certreg-lifecycle-events";
    }

    @Override
    public Class<?>[] getInterceptedMessageTypes() {
        return new Class<?>[] {InterceptConnectMessage.class, InterceptDisconnectMessage.class,
            InterceptConnectionLostMessage.class};
    }

    @Override
    public void onConnect(InterceptConnectMessage message) {
        String clientId = message.getClientID();
        DeviceConnection previous = connections.bind(clientId);
        if (previous != null && previous.claimDisconnectReport()) {
            disconnected(previous, DisconnectReason.DUPLICATE_CLIENTID);
        }
        DeviceConnection current = connections.bound(clientId);
        if (current != null && current.admitted() != null) {
            if (!connectAllowed(current, message)) {
                return;
            }
            metrics.connected();
        }
        if (current != null && current.admitted() != null && hasEvents(clientId)) {
            Map<String, Object> payload = common(current, "connected");
            payload.put("ipAddress", current.peerHost());
            payload.put("versionNumber", current.versionNumber());
            events.publish(PRESENCE + "connected/" + clientId, payload);
        }
        settled(current);
    }

    /**
     * The CONNECT's policy decision. The broker has no hook before its CONNACK, so a refused connection is closed
     * right after it, with no presence event, and nothing it sends before the close is authorized.
     */
    private boolean connectAllowed(DeviceConnection connection, InterceptConnectMessage message) {
        String willTopic = message.isWillFlag() ? message.getWillTopic() : null;
        if (policies.connect(connection, message.getClientID(), !message.isCleanSession(), willTopic,
                message.isWillFlag() && message.isWillRetain())) {
            return true;
        }
        metrics.refused(DeviceMetrics.CONNECT_NOT_AUTHORIZED);
        connection.claimDisconnectReport();
        connection.cut(DisconnectReason.AUTH_ERROR);
        disconnect.accept(connection);
        return false;
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage message) {
        ended(message.getClientID(), DisconnectReason.CLIENT_INITIATED_DISCONNECT);
    }

    /**
     * The broker reports a lost connection by client id alone, also for a connection whose id another one has taken
     * over since. The bound connection's TLS layer is closed before its own loss is reported, so an open one means
     * the report is about its predecessor, already reported as DUPLICATE_CLIENTID. A takeover's new connection may
     * also be reported connected after its predecessor's loss: while a connection that was open at the loss has not
     * yet told its client id, the loss waits for it, and becomes DUPLICATE_CLIENTID if that connection takes the id.
     */
    @Override
    public void onConnectionLost(InterceptConnectionLostMessage message) {
        DeviceConnection bound = connections.bound(message.getClientID());
        if (bound == null || !bound.isClosed()) {
            return;
        }
        Set<DeviceConnection> unbound = connections.unboundAdmitted();
        if (unbound.isEmpty()) {
            ended(bound, DisconnectReason.CONNECTION_LOST);
            return;
        }
        synchronized (pendingLosses) {
            pendingLosses.add(new PendingLoss(bound, new HashSet<>(unbound)));
        }
    }

    /**
     * Called when {@code connection} has told its client id or closed: the losses that waited only for it are
     * connection losses after all, unless a takeover reported them meanwhile.
     */
    void settled(DeviceConnection connection) {
        List<DeviceConnection> lost = new ArrayList<>();
        synchronized (pendingLosses) {
            pendingLosses.removeIf(pending -> {
                pending.waitingFor().remove(connection);
                if (pending.waitingFor().isEmpty()) {
                    lost.add(pending.connection());
                    return true;
                }
                return false;
            });
        }
        lost.forEach(old -> ended(old, DisconnectReason.CONNECTION_LOST));
    }

    private record PendingLoss(DeviceConnection connection, Set<DeviceConnection> waitingFor) {}

    @Override
    public void onSessionLoopError(Throwable error) {
        // The broker logs its own session errors.
    }

    private void ended(String clientId, DisconnectReason reason) {
        DeviceConnection connection = connections.bound(clientId);
        if (connection != null) {
            ended(connection, reason);
        }
    }

    private void ended(DeviceConnection connection, DisconnectReason reason) {
        connections.unbind(connection.clientId(), connection);
        if (connection.claimDisconnectReport()) {
            disconnected(connection, connection.cutReason() != null ? connection.cutReason() : reason);
        }
    }

    private void disconnected(DeviceConnection connection, DisconnectReason reason) {
        String clientId = connection.clientId();
        if (connection.admitted() == null || clientId == null || !hasEvents(clientId)) {
            return;
        }
        Map<String, Object> payload = common(connection, "disconnected");
        payload.put("clientInitiatedDisconnect", reason == DisconnectReason.CLIENT_INITIATED_DISCONNECT);
        payload.put("disconnectReason", reason.name());
        payload.put("versionNumber", connection.versionNumber());
        events.publish(PRESENCE + "disconnected/" + clientId, payload);
    }

    private Map<String, Object> common(DeviceConnection connection, String eventType) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("clientId", connection.clientId());
        payload.put("timestamp", clock.millis());
        payload.put("eventType", eventType);
        payload.put("sessionIdentifier", connection.sessionIdentifier());
        payload.put("principalIdentifier", connection.admitted().certificateId());
        return payload;
    }

    private static boolean hasEvents(String clientId) {
        return clientId.indexOf('#') < 0 && clientId.indexOf('+') < 0;
    }
}
