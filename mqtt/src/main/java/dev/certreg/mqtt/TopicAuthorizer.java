package dev.certreg.mqtt;

import dev.certreg.core.DeviceTopics;
import dev.certreg.core.Scope;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's publish and subscribe decisions, made by {@link DeviceTopics} for the connection's account. A client
 * publishing to a reserved topic is disconnected, as AWS IoT does ("Reserved topics": an unsupported operation
 * "can result in a terminated connection"). Thread-safe.
 */
final class TopicAuthorizer implements IAuthorizatorPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAuthorizer.class);

    private final Connections connections;
    private final DeviceTopics topics;
    private final Consumer<DeviceConnection> disconnect;

    TopicAuthorizer(Connections connections, DeviceTopics topics, Consumer<DeviceConnection> disconnect) {
        this.connections = connections;
        this.topics = topics;
        this.disconnect = disconnect;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        DeviceConnection connection = connections.byClientId(client);
        Scope scope = scopeOf(connection);
        if (scope != null && topics.mayPublish(scope, topic.toString())) {
            return true;
        }
        LOG.info("device publish refused: client {} topic {}", client, topic);
        if (connection != null) {
            connection.cut(DisconnectReason.CLIENT_ERROR);
            disconnect.accept(connection);
        }
        return false;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        Scope scope = scopeOf(connections.byClientId(client));
        boolean allowed = scope != null && topics.maySubscribe(scope, topic.toString());
        if (!allowed) {
            LOG.info("device subscribe refused: client {} filter {}", client, topic);
        }
        return allowed;
    }

    private static Scope scopeOf(DeviceConnection connection) {
        return connection == null || connection.admitted() == null
                ? null
                : connection.admitted().certificate().scope();
    }
}
