package dev.certreg.core.policy;

import dev.certreg.core.Scope;
import java.util.Optional;

/**
 * Where {@link DeviceAuthorizer} finds the thing a connection is evaluated for: the thing whose name is the MQTT client
 * id, and whether the presented certificate is attached to it ("Thing policy variables"), or, when the certificate
 * has an EXCLUSIVE_THING attachment, that thing whatever the client id ("Exclusive thing association"). The thing service implements
 * it over its store. Implementations must be thread-safe; they are asked at every decision.
 */
@FunctionalInterface
public interface ThingSource {
    /** A registry without things: the thing variables never resolve and {@code IsAttached} is false. */
    ThingSource NONE = (scope, clientId, certificateId) -> Optional.empty();

    /**
     * The certificate's exclusive thing, else the thing named {@code clientId} in {@code scope}, with
     * {@link ThingFacts#attached()} telling whether the certificate is attached to it; empty when there is no such
     * thing.
     */
    Optional<ThingFacts> thingFor(Scope scope, String clientId, String certificateId);
}
