package dev.certreg.core;

import dev.certreg.core.policy.ThingFacts;
import dev.certreg.core.policy.ThingSource;
import dev.certreg.protocol.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Things and their principals: Create/Describe/Update/Delete/ListThings, Attach/DetachThingPrincipal,
 * ListThingPrincipals(V2) and ListPrincipalThings(V2). A principal is a device certificate ARN of the caller's scope.
 * It is also the device plane's {@link ThingSource}. Thread-safe.
 */
public final class ThingService implements ThingSource {
    /**
     * How many attributes a thing without a thing type may have ("AWS IoT Core endpoints and quotas", thing
     * limits). certreg has no thing types, so this is every thing's limit.
     */
    static final int MAX_ATTRIBUTES = 3;

    private final CertificateStore certificates;
    private final ThingStore store;
    private final NextTokens tokens;
    private final Clock clock;

    public ThingService(CertificateStore certificates, NextTokens tokens, Clock clock) {
        this.certificates = certificates;
        this.store = certificates.things();
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * CreateThing. Idempotent (API reference: CreateThing): the same name with the same type and attributes answers
     * the existing thing; with another configuration, ResourceAlreadyExistsException.
     */
    public Thing create(Scope scope, String thingName, String thingTypeName, Map<String, String> attributes,
            String billingGroupName) {
        checkThingType(thingTypeName);
        if (billingGroupName != null) {
            throw ServiceException.notFound("Billing group " + billingGroupName + " does not exist");
        }
        checkAttributeCount(attributes);
        Thing thing = new Thing(scope, thingName, UUID.randomUUID().toString(), thingTypeName, attributes, 1);
        if (store.insertThing(thing)) {
            return thing;
        }
        Thing existing = describe(scope, thingName);
        if (Objects.equals(existing.thingTypeName(), thingTypeName)
                && existing.attributes().equals(thing.attributes())) {
            return existing;
        }
        throw ServiceException.alreadyExists("Thing " + thingName + " already exists with a different configuration",
                existing.thingId(), existing.arn());
    }

    public Thing describe(Scope scope, String thingName) {
        return store.findThing(scope, thingName).orElseThrow(() -> thingNotFound(thingName));
    }

    /**
     * UpdateThing. Attributes are replaced, or with {@code merge} upserted; an empty value removes an attribute
     * (API reference: AttributePayload). A mismatched {@code expectedVersion} is a VersionConflictException.
     *
     * @param attributes the new attributes, or null to keep them
     * @param expectedVersion the version the caller saw, or null
     */
    public void update(Scope scope, String thingName, String thingTypeName, boolean removeThingType,
            Map<String, String> attributes, boolean merge, Long expectedVersion) {
        if (thingTypeName != null && removeThingType) {
            throw ServiceException.invalidRequest("thingTypeName cannot be given together with removeThingType");
        }
        checkThingType(thingTypeName);
        Versioned.retry(() -> {
            Thing current = describe(scope, thingName);
            checkVersion(current, expectedVersion);
            Map<String, String> next = attributes == null ? current.attributes() : applied(current, attributes, merge);
            checkAttributeCount(next);
            String type = removeThingType ? null : thingTypeName != null ? thingTypeName : current.thingTypeName();
            return store.replaceThing(current.updated(type, next), current.version());
        });
    }

    private static Map<String, String> applied(Thing current, Map<String, String> given, boolean merge) {
        Map<String, String> next = new HashMap<>(merge ? current.attributes() : Map.of());
        given.forEach((name, value) -> {
            if (value.isEmpty()) {
                next.remove(name);
            } else {
                next.put(name, value);
            }
        });
        return next;
    }

    /**
     * DeleteThing. A thing that does not exist is deleted without error (API reference: DeleteThing). The checks,
     * in order: existence, {@code expectedVersion} (VersionConflictException), then attached principals, which AWS
     * refuses with InvalidRequestException "Cannot delete. Thing NAME is still attached to one or more principals".
     */
    public void delete(Scope scope, String thingName, Long expectedVersion) {
        Versioned.retry(() -> {
            Optional<Thing> current = store.findThing(scope, thingName);
            if (current.isEmpty()) {
                return true;
            }
            checkVersion(current.get(), expectedVersion);
            if (!store.listThingPrincipals(scope, thingName, null, Optional.empty(), 1).items().isEmpty()) {
                throw ServiceException.invalidRequest(
                        "Cannot delete. Thing " + thingName + " is still attached to one or more principals");
            }
            return store.deleteThing(scope, thingName, current.get().version());
        });
    }

    /** ListThings, in thing name order. certreg has no thing types, so a thing type filter lists nothing. */
    public TokenPage<Thing> list(Scope scope, AttributeFilter filter, String thingTypeName, String nextToken,
            Integer maxResults) {
        if (filter != null && filter.name() == null) {
            throw ServiceException.invalidRequest("attributeValue needs attributeName");
        }
        if (filter != null && thingTypeName != null) {
            throw ServiceException.invalidRequest(
                    "Listing things by the combination of attribute and thing type is not supported");
        }
        int limit = NextTokens.maxResults(maxResults);
        String list = "ListThings\n" + (filter == null ? "" : filter.toString()) + "\n"
                + Objects.requireNonNullElse(thingTypeName, "");
        Optional<String> after = tokens.decode(scope, list, nextToken);
        if (thingTypeName != null) {
            return new TokenPage<>(List.of(), Optional.empty());
        }
        Page<Thing> page = store.listThings(scope, filter, after, limit);
        return new TokenPage<>(page.items(), tokens.next(scope, list, page, Thing::thingName));
    }

    /** AttachThingPrincipal; attaching an attached pair again succeeds. */
    public void attachPrincipal(Scope scope, String thingName, String principal, ThingPrincipalType type) {
        String certificateId = certificateOf(scope, principal);
        ThingPrincipalType attachment = type == null ? ThingPrincipalType.NON_EXCLUSIVE_THING : type;
        Versioned.retry(() -> {
            describe(scope, thingName);
            checkCertificate(scope, certificateId);
            checkExclusive(scope, thingName, certificateId, attachment);
            return store.attachPrincipal(scope, thingName, certificateId, attachment, now());
        });
    }

    private void checkExclusive(Scope scope, String thingName, String certificateId, ThingPrincipalType type) {
        for (ThingAttachment other :
                store.listPrincipalThings(scope, certificateId, null, Optional.empty(), 2).items()) {
            if (other.thingName().equals(thingName)) {
                continue;
            }
            if (other.type() == ThingPrincipalType.EXCLUSIVE_THING) {
                throw ServiceException.invalidRequest("Certificate " + scope.certificateArn(certificateId)
                        + " is exclusively attached to thing " + other.thingName());
            }
            if (type == ThingPrincipalType.EXCLUSIVE_THING) {
                throw ServiceException.invalidRequest("Certificate " + scope.certificateArn(certificateId)
                        + " is already attached to other things; it cannot be attached exclusively");
            }
        }
    }

    /** DetachThingPrincipal; detaching a pair that is not attached succeeds. */
    public void detachPrincipal(Scope scope, String thingName, String principal) {
        String certificateId = certificateOf(scope, principal);
        describe(scope, thingName);
        checkCertificate(scope, certificateId);
        store.detachPrincipal(scope, thingName, certificateId);
    }

    /** ListThingPrincipals(V2): the certificates attached to a thing, of one attachment type unless null. */
    public TokenPage<ThingAttachment> listThingPrincipals(Scope scope, String thingName, ThingPrincipalType type,
            String nextToken, Integer maxResults) {
        int limit = NextTokens.maxResults(maxResults);
        String list = "ListThingPrincipals\n" + thingName + "\n" + type;
        Optional<String> after = tokens.decode(scope, list, nextToken);
        describe(scope, thingName);
        Page<ThingAttachment> page = store.listThingPrincipals(scope, thingName, type, after, limit);
        return new TokenPage<>(page.items(), tokens.next(scope, list, page, ThingAttachment::certificateId));
    }

    /** ListPrincipalThings(V2): the things a certificate is attached to, of one attachment type unless null. */
    public TokenPage<ThingAttachment> listPrincipalThings(Scope scope, String principal, ThingPrincipalType type,
            String nextToken, Integer maxResults) {
        int limit = NextTokens.maxResults(maxResults);
        String certificateId = certificateOf(scope, principal);
        String list = "ListPrincipalThings\n" + certificateId + "\n" + type;
        Optional<String> after = tokens.decode(scope, list, nextToken);
        checkCertificate(scope, certificateId);
        Page<ThingAttachment> page = store.listPrincipalThings(scope, certificateId, type, after, limit);
        return new TokenPage<>(page.items(), tokens.next(scope, list, page, ThingAttachment::thingName));
    }

    /**
     * The thing a connection's policies are evaluated for ("Thing policy variables"): the thing the certificate is
     * EXCLUSIVE_THING-attached to whatever the client id, else the thing named by the client id, attached or not.
     */
    @Override
    public Optional<ThingFacts> thingFor(Scope scope, String clientId, String certificateId) {
        Optional<ThingAttachment> exclusive = store.listPrincipalThings(
                scope, certificateId, ThingPrincipalType.EXCLUSIVE_THING, Optional.empty(), 1).items().stream()
                .findFirst();
        Optional<Thing> thing = exclusive.isPresent()
                ? store.findThing(scope, exclusive.get().thingName())
                : store.findThing(scope, clientId);
        return thing.map(t -> new ThingFacts(t.thingName(), Optional.ofNullable(t.thingTypeName()), t.attributes(),
                exclusive.isPresent() || isAttached(scope, t.thingName(), certificateId)));
    }

    private boolean isAttached(Scope scope, String thingName, String certificateId) {
        Optional<String> after = Optional.empty();
        while (true) {
            Page<ThingAttachment> page = store.listPrincipalThings(
                    scope, certificateId, ThingPrincipalType.NON_EXCLUSIVE_THING, after, NextTokens.maxResults(null));
            if (page.items().stream().anyMatch(a -> a.thingName().equals(thingName))) {
                return true;
            }
            if (!page.hasMore() || page.items().isEmpty()) {
                return false;
            }
            after = Optional.of(page.items().get(page.items().size() - 1).thingName());
        }
    }

    /** The certificate id of a principal, which must be a device certificate ARN of {@code scope}. */
    static String certificateOf(Scope scope, String principal) {
        ResourceArn arn = ResourceArn.parse(principal).filter(a -> a.resourceType().equals("cert"))
                .filter(a -> isCertificateId(a.name()))
                .orElseThrow(() -> ServiceException.invalidRequest("principal must be a certificate ARN such as "
                        + scope.certificateArn("<certificateId>") + ", got '" + principal + "'"));
        if (!arn.scope().equals(scope)) {
            throw ServiceException.notFound("Certificate " + principal + " is not in account " + scope.account()
                    + " and region " + scope.region());
        }
        return arn.name().toLowerCase(Locale.ROOT);
    }

    private static boolean isCertificateId(String id) {
        return id.length() == 64 && id.chars().allMatch(HexFormat::isHexDigit);
    }

    private void checkCertificate(Scope scope, String certificateId) {
        if (certificates.findDeviceCertificate(scope, certificateId).isEmpty()) {
            throw DeviceCertificateService.notFound(certificateId);
        }
    }

    private static void checkThingType(String thingTypeName) {
        if (thingTypeName != null) {
            throw ServiceException.notFound("Thing type " + thingTypeName + " does not exist");
        }
    }

    private static void checkAttributeCount(Map<String, String> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw ServiceException.invalidRequest("A thing without a thing type can have at most " + MAX_ATTRIBUTES
                    + " attributes, got " + attributes.size());
        }
    }

    private static void checkVersion(Thing current, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw new ServiceException(ErrorCode.VERSION_CONFLICT, "Thing " + current.thingName() + " is at version "
                    + current.version() + ", not the expected " + expectedVersion);
        }
    }

    private static ServiceException thingNotFound(String thingName) {
        return ServiceException.notFound("Thing " + thingName + " does not exist");
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }
}
