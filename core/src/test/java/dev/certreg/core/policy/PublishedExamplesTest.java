package dev.certreg.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS's published policy examples, each decided as the page that publishes it says. Every row names the page of the
 * AWS IoT Core Developer Guide its policy comes from; {@code P} stands for {@code arn:aws:iot:us-east-1:123456789012:}.
 */
class PublishedExamplesTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final String P = "arn:aws:iot:us-east-1:123456789012:";

    record Example(String page, String policy, UnaryOperator<RequestContext.Builder> context, IotAction action,
            String resource, AuthDecision expected) {
        @Override
        public String toString() {
            return page + ": " + action + " " + resource + " -> " + expected;
        }
    }

    static Stream<Example> examples() {
        String connectOne = policy(allow("iot:Connect", P + "client/client1"));
        String denyTwoAllowThing = policy(
                deny("iot:Connect", P + "client/client1", P + "client/client2"),
                allow("iot:Connect", P + "client/${iot:Connection.Thing.ThingName}"));
        String isAttached = policy(statement("Allow", "iot:Connect", List.of("*"),
                "{\"Bool\":{\"iot:Connection.Thing.IsAttached\":[\"true\"]}}"));
        String thingTopics = policy(
                allow("iot:Connect", P + "client/${iot:Connection.Thing.ThingName}"),
                allow("iot:Publish", P + "topic/${iot:Connection.Thing.ThingName}/*"));
        String clientRooms = policy(
                allow("iot:Subscribe", P + "topicfilter/${iot:ClientId}/room*"),
                allow("iot:Receive", P + "topic/${iot:ClientId}/room*"));
        String literalPlus = policy(allow("iot:Subscribe", P + "topicfilter/some/+/topic"));
        String starLevel = policy(allow("iot:Subscribe", P + "topicfilter/some/*/topic"));
        String restricted = policy(
                allow("iot:Subscribe", P + "topicfilter/a/*"),
                deny("iot:Subscribe", P + "topicfilter/a/restricted/*"),
                "{\"Effect\":\"Allow\",\"Action\":\"iot:Receive\",\"NotResource\":\"" + P + "topic/a/restricted/*\"}");
        String noReceive = policy(
                allow("iot:Subscribe", P + "topicfilter/device/update"),
                deny("iot:Receive", P + "topic/device/update"));
        String thingAlias = policy(
                allow("iot:Publish", P + "topic/${iot:Thing.ThingName}/*"),
                deny("iot:Publish", P + "topic/${iot:Thing.ThingName}/bar"));
        String thirdCommonName = policy(statement("Allow", "iot:Publish", List.of(P + "topic/admin/*"),
                "{\"StringEquals\":{\"iot:Certificate.Subject.CommonName.2\":\"Administrator\"}}"));
        String anyCommonName = policy(statement("Allow", "iot:Publish",
                List.of(P + "topic/admin/${iot:Connection.Thing.ThingName}"),
                "{\"ForAnyValue:StringEquals\":{\"iot:Certificate.Subject.CommonName.List\":\"Administrator\"}}"));
        String organizations = policy(statement("Allow", "iot:Publish", List.of(P + "topic/my/topic/${iot:ClientId}"),
                "{\"ForAllValues:StringEquals\":{\"iot:Certificate.Subject.Organization.List\":"
                        + "[\"Example Corp\",\"AnyCompany\"]}}"));
        String persistent = policy(statement("Allow", "iot:Connect", List.of("*"),
                "{\"ForAllValues:StringEquals\":{\"iot:ConnectAttributes\":[\"PersistentConnect\"]}}"));
        String sourceIp = policy(statement("Allow", "iot:Publish", List.of(P + "topic/my/topic/${iot:ClientId}"),
                "{\"IpAddress\":{\"aws:SourceIp\":\"123.45.167.89\"}}"));
        String typedThing = policy(statement("Allow", "iot:Publish", List.of(P + "topic/device/stats"),
                "{\"StringEquals\":{\"iot:Connection.Thing.Attributes[attributeName]\":\"attributeValue\","
                        + "\"iot:Connection.Thing.ThingTypeName\":\"Thing_Type_Name\"},"
                        + "\"Bool\":{\"iot:Connection.Thing.IsAttached\":\"true\"}}"));
        String retained = policy(
                allow("iot:Connect", P + "client/device1"),
                allow("iot:Publish", P + "topic/device/sample/configuration"),
                allow("iot:RetainPublish", P + "topic/device/sample/configuration"));
        return Stream.of(
                new Example("Connect policy examples", connectOne, client("client1"), IotAction.CONNECT, "client1",
                        AuthDecision.ALLOWED),
                new Example("Connect policy examples", connectOne, client("client2"), IotAction.CONNECT, "client2",
                        AuthDecision.IMPLICIT_DENY),
                new Example("Connect policy examples", denyTwoAllowThing, thing("client1", true), IotAction.CONNECT,
                        "client1", AuthDecision.EXPLICIT_DENY),
                new Example("Connect policy examples", denyTwoAllowThing, thing("sensor-7", true), IotAction.CONNECT,
                        "sensor-7", AuthDecision.ALLOWED),
                new Example("Connect policy examples", denyTwoAllowThing, client("sensor-7"), IotAction.CONNECT,
                        "sensor-7", AuthDecision.IMPLICIT_DENY),
                new Example("Thing policy examples", isAttached, thing("lamp-1", true), IotAction.CONNECT, "lamp-1",
                        AuthDecision.ALLOWED),
                new Example("Thing policy examples", isAttached, thing("lamp-2", false), IotAction.CONNECT, "lamp-2",
                        AuthDecision.IMPLICIT_DENY),
                new Example("Thing policy examples", isAttached, client("lamp-3"), IotAction.CONNECT, "lamp-3",
                        AuthDecision.IMPLICIT_DENY),
                new Example("Publish/Subscribe policy examples", thingTopics, thing("lamp-1", true), IotAction.PUBLISH,
                        "lamp-1/status", AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", thingTopics, thing("lamp-1", true), IotAction.PUBLISH,
                        "lamp-2/status", AuthDecision.IMPLICIT_DENY),
                new Example("Publish/Subscribe policy examples", thingTopics, thing("lamp-1", false), IotAction.PUBLISH,
                        "lamp-1/status", AuthDecision.IMPLICIT_DENY),
                new Example("Publish/Subscribe policy examples", clientRooms, client("client1"), IotAction.SUBSCRIBE,
                        "client1/room1", AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", clientRooms, client("client1"), IotAction.SUBSCRIBE,
                        "client1/#", AuthDecision.IMPLICIT_DENY),
                new Example("Publish/Subscribe policy examples", clientRooms, client("client1"), IotAction.RECEIVE,
                        "client1/room7", AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", clientRooms, client("client1"), IotAction.PUBLISH,
                        "client1/room7", AuthDecision.IMPLICIT_DENY),
                new Example("Publish/Subscribe policy examples", literalPlus, client("c"), IotAction.SUBSCRIBE,
                        "some/+/topic", AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", literalPlus, client("c"), IotAction.SUBSCRIBE,
                        "some/x/topic", AuthDecision.IMPLICIT_DENY),
                new Example("Publish/Subscribe policy examples", starLevel, client("c"), IotAction.SUBSCRIBE,
                        "some/a/topic", AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", starLevel, client("c"), IotAction.SUBSCRIBE,
                        "some/+/topic", AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", starLevel, client("c"), IotAction.SUBSCRIBE,
                        "some/a/b/topic", AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", restricted, client("c"), IotAction.SUBSCRIBE, "a/#",
                        AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", restricted, client("c"), IotAction.SUBSCRIBE,
                        "a/restricted/x", AuthDecision.EXPLICIT_DENY),
                new Example("Publish/Subscribe policy examples", restricted, client("c"), IotAction.RECEIVE, "a/b",
                        AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", restricted, client("c"), IotAction.RECEIVE,
                        "a/restricted/x", AuthDecision.IMPLICIT_DENY),
                new Example("Publish/Subscribe policy examples", noReceive, client("c"), IotAction.SUBSCRIBE,
                        "device/update", AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", noReceive, client("c"), IotAction.RECEIVE,
                        "device/update", AuthDecision.EXPLICIT_DENY),
                new Example("Publish/Subscribe policy examples", thingAlias, thing("t1", true), IotAction.PUBLISH,
                        "t1/foo", AuthDecision.ALLOWED),
                new Example("Publish/Subscribe policy examples", thingAlias, thing("t1", true), IotAction.PUBLISH,
                        "t1/bar", AuthDecision.EXPLICIT_DENY),
                new Example("Certificate policy examples", thirdCommonName,
                        certificate(Map.of("CommonName", List.of("dev", "ops", "Administrator"))), IotAction.PUBLISH,
                        "admin/x", AuthDecision.ALLOWED),
                new Example("Certificate policy examples", thirdCommonName,
                        certificate(Map.of("CommonName", List.of("Administrator"))), IotAction.PUBLISH, "admin/x",
                        AuthDecision.IMPLICIT_DENY),
                new Example("Certificate policy examples", anyCommonName,
                        thingWith("t1", Map.of("CommonName", List.of("device42", "Administrator"))),
                        IotAction.PUBLISH, "admin/t1", AuthDecision.ALLOWED),
                new Example("Certificate policy examples", anyCommonName,
                        thingWith("t1", Map.of("CommonName", List.of("device42"))), IotAction.PUBLISH, "admin/t1",
                        AuthDecision.IMPLICIT_DENY),
                new Example("X.509 Certificate AWS IoT Core policy variables", organizations,
                        clientWith("client1", Map.of("Organization", List.of("Example Corp"))), IotAction.PUBLISH,
                        "my/topic/client1", AuthDecision.ALLOWED),
                new Example("X.509 Certificate AWS IoT Core policy variables", organizations,
                        clientWith("client1", Map.of("Organization", List.of("Example Corp", "Other"))),
                        IotAction.PUBLISH, "my/topic/client1", AuthDecision.IMPLICIT_DENY),
                new Example("Connect policy examples", persistent,
                        b -> b.clientId("c").connectAttributes(Set.of("PersistentConnect")), IotAction.CONNECT, "c",
                        AuthDecision.ALLOWED),
                new Example("Connect policy examples", persistent, client("c"), IotAction.CONNECT, "c",
                        AuthDecision.ALLOWED),
                new Example("Connect policy examples", persistent,
                        b -> b.clientId("c").connectAttributes(Set.of("LastWill")), IotAction.CONNECT, "c",
                        AuthDecision.IMPLICIT_DENY),
                new Example("Basic AWS IoT Core policy variables", sourceIp,
                        b -> b.clientId("clientid1").sourceIp("123.45.167.89"), IotAction.PUBLISH,
                        "my/topic/clientid1", AuthDecision.ALLOWED),
                new Example("Basic AWS IoT Core policy variables", sourceIp,
                        b -> b.clientId("clientid1").sourceIp("198.51.100.7"), IotAction.PUBLISH,
                        "my/topic/clientid1", AuthDecision.IMPLICIT_DENY),
                new Example("Thing policy examples", typedThing,
                        b -> b.clientId("d1").thing(new ThingFacts("d1", Optional.of("Thing_Type_Name"),
                                Map.of("attributeName", "attributeValue"), true)),
                        IotAction.PUBLISH, "device/stats", AuthDecision.ALLOWED),
                new Example("Thing policy examples", typedThing,
                        b -> b.clientId("d1").thing(new ThingFacts("d1", Optional.empty(),
                                Map.of("attributeName", "attributeValue"), true)),
                        IotAction.PUBLISH, "device/stats", AuthDecision.IMPLICIT_DENY),
                new Example("Retained message policy examples", retained, client("device1"),
                        IotAction.RETAIN_PUBLISH, "device/sample/configuration", AuthDecision.ALLOWED),
                new Example("Retained message policy examples", retained, client("device1"),
                        IotAction.RETAIN_PUBLISH, "device/sample/other", AuthDecision.IMPLICIT_DENY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void decidesAsThePagePublishingThePolicySays(Example example) {
        RequestContext context = example.context().apply(RequestContext.builder(SCOPE, Instant.EPOCH)).build();
        Decision decision = PolicyEvaluator.evaluate(
                List.of(new AppliedPolicy("example", PolicyDocument.parse(example.policy()))), context,
                example.action().actionName(), example.action().resourceArn(SCOPE, example.resource()));

        assertThat(decision.outcome()).isEqualTo(example.expected());
    }

    private static UnaryOperator<RequestContext.Builder> client(String clientId) {
        return b -> b.clientId(clientId);
    }

    private static UnaryOperator<RequestContext.Builder> thing(String clientId, boolean attached) {
        return b -> b.clientId(clientId).thing(new ThingFacts(clientId, Optional.empty(), Map.of(), attached));
    }

    private static UnaryOperator<RequestContext.Builder> certificate(Map<String, List<String>> subject) {
        return b -> b.clientId("c").certificate(facts(subject));
    }

    private static UnaryOperator<RequestContext.Builder> clientWith(String clientId,
            Map<String, List<String>> subject) {
        return b -> b.clientId(clientId).certificate(facts(subject));
    }

    private static UnaryOperator<RequestContext.Builder> thingWith(String clientId,
            Map<String, List<String>> subject) {
        return b -> thing(clientId, true).apply(b).certificate(facts(subject));
    }

    private static CertificateFacts facts(Map<String, List<String>> subject) {
        return new CertificateFacts("ab".repeat(32), "1", subject, Map.of(), Map.of(), Map.of());
    }

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static String allow(String action, String... resources) {
        return statement("Allow", action, List.of(resources), null);
    }

    static String deny(String action, String... resources) {
        return statement("Deny", action, List.of(resources), null);
    }

    static String statement(String effect, String action, List<String> resources, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Action\":\"" + action + "\",\"Resource\":[\""
                + String.join("\",\"", resources) + "\"]" + (condition == null ? "" : ",\"Condition\":" + condition)
                + "}";
    }
}
