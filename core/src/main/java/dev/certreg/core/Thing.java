package dev.certreg.core;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A thing of the registry (API reference: CreateThing, DescribeThing). Immutable.
 *
 * @param scope the owning account and region
 * @param thingName the name, unique in the scope and never changed
 * @param thingId a random UUID given at creation
 * @param thingTypeName the thing type, or null
 * @param attributes the attributes by name, in name order
 * @param version starts at 1 and grows by one with each UpdateThing; attachments do not change it
 */
public record Thing(
        Scope scope, String thingName, String thingId, String thingTypeName, Map<String, String> attributes,
        long version) {

    public Thing {
        SortedMap<String, String> sorted = new TreeMap<>(attributes);
        attributes = Collections.unmodifiableSortedMap(sorted);
    }

    /** This thing's ARN. */
    public String arn() {
        return scope.thingArn(thingName);
    }

    /** The same thing with a new type and attributes, one version later. */
    public Thing updated(String newThingTypeName, Map<String, String> newAttributes) {
        return new Thing(scope, thingName, thingId, newThingTypeName, newAttributes, version + 1);
    }
}
