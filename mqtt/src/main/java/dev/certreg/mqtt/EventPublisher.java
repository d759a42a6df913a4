package dev.certreg.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moquette.broker.Server;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.Map;

/**
 * Publishes certreg's own events on reserved topics, at QoS 1 and never retained. Only certreg publishes under
 * {@code $aws/} (AWS IoT developer guide, "Reserved topics"). Thread-safe.
 */
final class EventPublisher {
    private static final String PUBLISHER = "certreg";

    private final ObjectMapper json = new ObjectMapper();
    private final Server broker;

    EventPublisher(Server broker) {
        this.broker = broker;
    }

    /** Publishes {@code payload} (kept in its iteration order) as a JSON object on {@code topic}. */
    void publish(String topic, Map<String, Object> payload) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be written as JSON", e);
        }
        broker.internalPublish(MqttMessageBuilders.publish().topicName(topic).qos(MqttQoS.AT_LEAST_ONCE)
                .retained(false).messageId(1).payload(Unpooled.wrappedBuffer(body)).build(), PUBLISHER);
    }
}
