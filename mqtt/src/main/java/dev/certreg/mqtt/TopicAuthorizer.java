package dev.certreg.mqtt;

import dev.certreg.core.DeviceTopics;
import dev.certreg.core.Scope;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's publish and subscribe decisions: reserved topics by {@link DeviceTopics}, everything else by the
 * connection's policies ({@link SessionPolicies}). A client whose PUBLISH is refused is disconnected, as AWS IoT does
 * for MQTT 3.1.1 clients, which have no way to be told of a refused publish ("AWS IoT Core policy actions",
 * "Reserved topics": an unauthorized operation "can result in a terminated connection"); a refused topic filter gets
 * the SUBACK failure code 0x80. Thread-safe.
 */
final class TopicAuthorizer implements IAuthorizatorPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAuthorizer.class);

    private final Connections connections;
    private final DeviceTopics topics;
    private final SessionPolicies policies;
    private final DeviceMetrics metrics;
    private final Consumer<DeviceConnection> disconnect;

    TopicAuthorizer(Connections connections, DeviceTopics topics, SessionPolicies policies, DeviceMetrics metrics,
            Consumer<DeviceConnection> disconnect) {
        this.connections = connections;
        this.topics = topics;
        this.policies = policies;
        this.metrics = metrics;
        this.disconnect = disconnect;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        DeviceConnection connection = connections.byClientId(client);
        Scope scope = scopeOf(connection);
        String name = topic.toString();
        DisconnectReason reason = DisconnectReason.CLIENT_ERROR;
        if (scope != null && topics.mayPublish(scope, name)) {
            if (policies.publish(connection, client, name)) {
                metrics.messageReceived();
                return true;
            }
            reason = DisconnectReason.AUTH_ERROR;
        } else {
            LOG.info("device publish refused: client {} topic {} is reserved", client, topic);
        }
        if (connection != null) {
            connection.cut(reason);
            disconnect.accept(connection);
        }
        return false;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        DeviceConnection connection = connections.byClientId(client);
        Scope scope = scopeOf(connection);
        String filter = topic.toString();
        if (scope != null && !topics.maySubscribe(scope, filter)) {
            LOG.info("device subscribe refused: client {} filter {} is reserved", client, filter);
            return false;
        }
        return scope != null && policies.subscribe(connection, client, filter);
    }

    private static Scope scopeOf(DeviceConnection connection) {
        return connection == null || connection.admitted() == null
                ? null
                : connection.admitted().certificate().scope();
    }
}
