package dev.certreg.core.policy;

import static dev.certreg.core.policy.PublishedExamplesTest.allow;
import static dev.certreg.core.policy.PublishedExamplesTest.deny;
import static dev.certreg.core.policy.PublishedExamplesTest.policy;
import static dev.certreg.core.policy.PublishedExamplesTest.statement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Audit;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.Scope;
import dev.certreg.core.Validity;
import dev.certreg.core.testing.MutableClock;
import dev.certreg.core.testing.TestPki;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class DeviceAuthorizerTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final String P = "arn:aws:iot:us-east-1:123456789012:";

    private final TestPki.Issued ca = TestPki.ca("authorizer CA", TestPki.KeyType.EC);
    private final TestPki.Issued device = ca.issue("lamp-1");
    private final DeviceCertificate certificate = new DeviceCertificate(SCOPE, "ab".repeat(32), device.pem(), null,
            CertificateStatus.ACTIVE, CertificateMode.DEFAULT,
            new Validity(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(36500))),
            Audit.created(Instant.EPOCH, "g1"));
    private final Map<String, List<AppliedPolicy>> attached = new ConcurrentHashMap<>();
    private final Map<String, ThingFacts> things = new ConcurrentHashMap<>();
    private final MutableClock clock = MutableClock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final DeviceAuthorizer authorizer = new DeviceAuthorizer(
            (scope, certificateId) -> attached.getOrDefault(scope + certificateId, List.of()),
            (scope, clientId, certificateId) -> Optional.ofNullable(things.get(clientId)), clock);

    private void attach(String name, String document) {
        attached.computeIfAbsent(SCOPE + certificate.certificateId(), k -> new ArrayList<>())
                .add(new AppliedPolicy(name, PolicyDocument.parse(document)));
    }

    @Test
    void readsThePoliciesAtEveryDecision() {
        DeviceSession session = DeviceSession.of(certificate, "lamp-1");
        assertThat(authorizer.decide(session, IotAction.PUBLISH, "lamp-1/state").outcome())
                .isEqualTo(AuthDecision.IMPLICIT_DENY);

        attach("pub", policy(allow("iot:Publish", P + "topic/${iot:ClientId}/*")));
        assertThat(authorizer.decide(session, IotAction.PUBLISH, "lamp-1/state").allowed()).isTrue();

        attach("no-state", policy(deny("iot:Publish", P + "topic/*/state")));
        assertThat(authorizer.decide(session, IotAction.PUBLISH, "lamp-1/state").outcome())
                .isEqualTo(AuthDecision.EXPLICIT_DENY);
    }

    @Test
    void resolvesTheCertificateVariablesOfTheRegisteredPem() {
        attach("cn", policy(allow("iot:Subscribe", P + "topicfilter/${iot:Certificate.Subject.CommonName}/#")));
        DeviceSession session = DeviceSession.of(certificate, "any-client");

        assertThat(authorizer.decide(session, IotAction.SUBSCRIBE, "lamp-1/#").allowed()).isTrue();
        assertThat(authorizer.decide(session, IotAction.SUBSCRIBE, "lamp-2/#").allowed()).isFalse();
    }

    @Test
    void looksTheThingUpByClientIdAtEveryDecision() {
        attach("attached", policy(statement("Allow", "iot:Connect", List.of("*"),
                "{\"Bool\":{\"iot:Connection.Thing.IsAttached\":\"true\"}}")));
        DeviceSession session = DeviceSession.of(certificate, "lamp-1");
        assertThat(authorizer.mayConnect(session, false).allowed()).isFalse();

        things.put("lamp-1", new ThingFacts("lamp-1", Optional.empty(), Map.of(), true));
        assertThat(authorizer.mayConnect(session, false).allowed()).isTrue();
    }

    @Test
    void aWillNeedsPublishAndForARetainedWillRetainPublish() {
        attach("connect", policy(allow("iot:Connect", P + "client/lamp-1"), allow("iot:Publish", P + "topic/will/*")));
        DeviceSession session = DeviceSession.of(certificate, "lamp-1").withConnect(false, "will/lamp-1");

        assertThat(authorizer.mayConnect(session, false).allowed()).isTrue();
        assertThat(authorizer.mayConnect(session, true).outcome()).isEqualTo(AuthDecision.IMPLICIT_DENY);
        assertThat(authorizer.mayConnect(session.withConnect(false, "elsewhere"), false).allowed()).isFalse();
    }

    @Test
    void passesConnectAttributesPeerAndTime() {
        attach("strict", policy(statement("Allow", "iot:Connect", List.of("*"),
                "{\"ForAllValues:StringEquals\":{\"iot:ConnectAttributes\":[\"LastWill\"]},"
                        + "\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},"
                        + "\"StringEquals\":{\"iot:DomainName\":\"d.iot.us-east-1.amazonaws.com\"},"
                        + "\"ArnLike\":{\"iot:LastWillTopic\":\"arn:aws:iot:*:*:topic/will/*\"},"
                        + "\"DateLessThan\":{\"aws:CurrentTime\":\"2026-01-02T00:00:00Z\"}}"),
                allow("iot:Publish", "*")));
        DeviceSession session = DeviceSession.of(certificate, "lamp-1")
                .withPeer("10.1.2.3", "d.iot.us-east-1.amazonaws.com")
                .withConnect(false, "will/x");

        assertThat(authorizer.mayConnect(session, false).allowed()).isTrue();
        assertThat(authorizer.mayConnect(session.withConnect(true, "will/x"), false).allowed()).isFalse();
        assertThat(authorizer.mayConnect(session.withPeer("192.0.2.1", "d.iot.us-east-1.amazonaws.com"), false)
                .allowed()).isFalse();
        clock.advance(Duration.ofDays(1));
        assertThat(authorizer.mayConnect(session, false).allowed()).isFalse();
    }
}
