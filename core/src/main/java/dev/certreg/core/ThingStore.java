package dev.certreg.core;

import java.time.Instant;
import java.util.Optional;

/**
 * The storage SPI for things and their principal attachments, beside {@link CertificateStore} and over the same
 * database (an attachment refers to a device certificate of the same scope). Every method takes the {@link Scope}
 * as its leading key.
 *
 * <p>Uniqueness, versions and the guards between things, attachments and certificates are decided by the database
 * in one transaction each: a conditional write answers false, writing nothing, and the caller re-reads to explain.
 * Writes are durable when they return. Implementations are thread-safe.
 */
public interface ThingStore {

    /** Stores a new thing; false, writing nothing, if the scope already holds that name. */
    boolean insertThing(Thing thing);

    Optional<Thing> findThing(Scope scope, String thingName);

    /** Replaces a thing's type, attributes and version if its stored version still is {@code expectedVersion}. */
    boolean replaceThing(Thing updated, long expectedVersion);

    /**
     * Deletes a thing and its attributes if its stored version still is {@code expectedVersion} and no principal is
     * attached to it; false, writing nothing, otherwise.
     */
    boolean deleteThing(Scope scope, String thingName, long expectedVersion);

    /**
     * One page of the scope's things in name order (byte order), after {@code after} when present, filtered on an
     * attribute when {@code filter} is not null.
     */
    Page<Thing> listThings(Scope scope, AttributeFilter filter, Optional<String> after, int limit);

    /**
     * Attaches a device certificate to a thing, unless the thing or the certificate does not exist, or the
     * attachment would break an exclusive one: a certificate EXCLUSIVE_THING-attached to a thing may be attached to
     * no other, and may be attached EXCLUSIVE_THING only while attached to no other thing. Attaching a pair that is
     * already attached changes nothing and answers true. False, writing nothing, otherwise.
     */
    boolean attachPrincipal(Scope scope, String thingName, String certificateId, ThingPrincipalType type,
            Instant attachedAt);

    /** Detaches a device certificate from a thing; false if it was not attached. */
    boolean detachPrincipal(Scope scope, String thingName, String certificateId);

    /**
     * One page of the certificates attached to a thing, in certificate id order, after {@code after} if present, of
     * attachment type {@code type} unless it is null.
     */
    Page<ThingAttachment> listThingPrincipals(
            Scope scope, String thingName, ThingPrincipalType type, Optional<String> after, int limit);

    /**
     * One page of the things a certificate is attached to, in name order, after {@code after} if present, of
     * attachment type {@code type} unless it is null.
     */
    Page<ThingAttachment> listPrincipalThings(
            Scope scope, String certificateId, ThingPrincipalType type, Optional<String> after, int limit);
}
