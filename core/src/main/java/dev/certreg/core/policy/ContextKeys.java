package dev.certreg.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The values of every policy variable and condition key a {@link RequestContext} defines, looked up
 * case-insensitively as IAM looks up condition keys.
 *
 * <p>Certificate variables follow "X.509 Certificate AWS IoT Core policy variables": {@code Subject.<A>} is the
 * attribute's first value, {@code Subject.<A>.<n>} the (n+1)-th ({@code .1} is the second), {@code Subject.<A>.List}
 * all of them, cut to five. A value that contains {@code * $ + ? #} or is longer than 1024 characters is
 * <em>withheld</em>: AWS does not substitute it, so nothing that uses it can match. They are read from the
 * certificate, and the thing variables from the registry, when a policy first asks for one. Not thread-safe: one per
 * decision.
 */
final class ContextKeys {
    private static final int MAX_LIST = 5;
    private static final int MAX_LENGTH = 1024;
    private static final String CERTIFICATE = "iot:Certificate.";
    private static final String THING = "iot:Connection.Thing.";
    /** Used by AWS's own examples ("Publish/Subscribe policy examples"), undocumented as a variable. */
    private static final String THING_NAME = "iot:Thing.ThingName";

    private final Map<String, List<String>> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Set<String> withheld = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    private final RequestContext context;
    private boolean certificateRead;
    private boolean thingRead;

    private ContextKeys(RequestContext context) {
        this.context = context;
    }

    static ContextKeys of(RequestContext context) {
        ContextKeys keys = new ContextKeys(context);
        context.clientId().ifPresent(id -> keys.put("iot:ClientId", id));
        context.domainName().ifPresent(name -> keys.put("iot:DomainName", name));
        context.sourceIp().ifPresent(ip -> keys.put("aws:SourceIp", ip));
        keys.put("aws:CurrentTime", context.time().toString());
        keys.put("aws:EpochTime", Long.toString(context.time().getEpochSecond()));
        keys.values.put("iot:ConnectAttributes", List.copyOf(context.connectAttributes()));
        context.lastWillTopic().ifPresent(arn -> keys.put("iot:LastWillTopic", arn));
        context.certificateId().ifPresent(id -> keys.put("iot:CertificateId", id));
        return keys;
    }

    /** The key's values; empty when the request does not have the key (or AWS would withhold it). */
    Optional<List<String>> values(String key) {
        readFor(key);
        return Optional.ofNullable(values.get(key));
    }

    /** Whether the key exists but its value may not be used (see the class comment). */
    boolean withheld(String key) {
        readFor(key);
        return withheld.contains(key);
    }

    /** The key's one value, for substitution: empty when absent, withheld or multivalued. */
    Optional<String> single(String key) {
        readFor(key);
        List<String> list = values.get(key);
        return list != null && list.size() == 1 ? Optional.of(list.get(0)) : Optional.empty();
    }

    private void put(String key, String value) {
        values.put(key, List.of(value));
    }

    private void putThing(Optional<ThingFacts> thing) {
        boolean attached = thing.isPresent() && thing.get().attached();
        put(THING + "IsAttached", Boolean.toString(attached));
        if (attached) {
            ThingFacts facts = thing.get();
            put(THING + "ThingName", facts.thingName());
            put(THING_NAME, facts.thingName());
            facts.thingTypeName().ifPresent(type -> put(THING + "ThingTypeName", type));
            facts.attributes().forEach((name, value) -> values.put(THING + "Attributes[" + name + "]", List.of(value)));
        }
    }

    /** Reads the certificate's or the thing's variables if {@code key} is one of them and they are not read yet. */
    private void readFor(String key) {
        if (!certificateRead && startsWith(key, CERTIFICATE)) {
            certificateRead = true;
            context.certificate().ifPresent(this::putCertificate);
        }
        if (!thingRead && (startsWith(key, THING) || key.equalsIgnoreCase(THING_NAME))) {
            thingRead = true;
            putThing(context.thing());
        }
    }

    private static boolean startsWith(String key, String prefix) {
        return key.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private void putCertificate(CertificateFacts certificate) {
        List<String> available = new ArrayList<>();
        putCertificateValue("SerialNumber", List.of(certificate.serialNumber()), available);
        certificate.subject().forEach((name, list) -> putCertificateValue("Subject." + name, list, available));
        certificate.issuer().forEach((name, list) -> putCertificateValue("Issuer." + name, list, available));
        certificate.subjectAlternativeNames().forEach(
                (type, list) -> putCertificateValue("Subject.AlternativeName." + type, list, available));
        certificate.issuerAlternativeNames().forEach(
                (type, list) -> putCertificateValue("Issuer.AlternativeName." + type, list, available));
        values.put(CERTIFICATE + "AvailableKeys", List.copyOf(available));
    }

    private void putCertificateValue(String name, List<String> list, List<String> available) {
        String key = CERTIFICATE + name;
        available.add(key);
        List<String> kept = list.subList(0, Math.min(list.size(), MAX_LIST));
        putWithLimits(key, kept.get(0));
        for (int i = 1; i < kept.size(); i++) {
            putWithLimits(key + "." + i, kept.get(i));
        }
        if (kept.stream().anyMatch(ContextKeys::unusable)) {
            withheld.add(key + ".List");
        } else {
            values.put(key + ".List", List.copyOf(kept));
        }
    }

    private void putWithLimits(String key, String value) {
        if (unusable(value)) {
            withheld.add(key);
        } else {
            put(key, value);
        }
    }

    private static boolean unusable(String value) {
        return value.length() > MAX_LENGTH || value.chars().anyMatch(c -> "*$+?#".indexOf(c) >= 0);
    }
}
