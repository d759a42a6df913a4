package dev.certreg.core.policy;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's thing a connection is evaluated for: the thing named by the MQTT client id ("Thing policy
 * variables"). The thing policy variables resolve only when {@code attached} is true; otherwise only
 * {@code iot:Connection.Thing.IsAttached} does, as {@code false}.
 *
 * @param thingName the thing's name (equal to the client id)
 * @param thingTypeName the thing's type, if it has one
 * @param attributes the thing's attributes
 * @param attached whether the certificate the device authenticated with is attached to this thing
 */
public record ThingFacts(String thingName, Optional<String> thingTypeName, Map<String, String> attributes,
        boolean attached) {
    public ThingFacts {
        Objects.requireNonNull(thingName, "thingName");
        Objects.requireNonNull(thingTypeName, "thingTypeName");
        attributes = Map.copyOf(attributes);
    }
}
