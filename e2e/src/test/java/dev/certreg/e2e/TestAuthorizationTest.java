package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.ActionType;
import software.amazon.awssdk.services.iot.model.AuthDecision;
import software.amazon.awssdk.services.iot.model.AuthInfo;
import software.amazon.awssdk.services.iot.model.AuthResult;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/** TestAuthorization through the AWS SDK for Java v2: the policy engine as a device would meet it. */
class TestAuthorizationTest extends RunningServer {
    private static final String ARN = "arn:aws:iot:us-east-1:" + DEFAULT_ACCOUNT + ":";
    private static final String OWN_TOPICS = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Action\":\"iot:Publish\","
            + "\"Resource\":\"" + ARN + "topic/${iot:Connection.Thing.ThingName}/*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"iot:Publish\",\"Resource\":\"" + ARN + "topic/*/admin\"}]}";
    private static final String SUBSCRIBE_ALL =
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"iot:Subscribe\","
                    + "\"Resource\":\"*\"}}";

    private static AuthInfo publish(String topic) {
        return AuthInfo.builder().actionType(ActionType.PUBLISH).resources(ARN + "topic/" + topic).build();
    }

    @Test
    void policiesCanBeAddedAndSkipped() {
        CreateKeysAndCertificateResponse cert = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        iot.createPolicy(r -> r.policyName("subscribe-all").policyDocument(SUBSCRIBE_ALL));
        iot.attachPolicy(r -> r.policyName("subscribe-all").target(cert.certificateArn()));
        AuthInfo subscribe = AuthInfo.builder().actionType(ActionType.SUBSCRIBE).resources(ARN + "topicfilter/a/#")
                .build();

        assertThat(iot.testAuthorization(r -> r.principal(cert.certificateArn()).authInfos(subscribe)
                        .policyNamesToSkip("subscribe-all")).authResults().get(0).authDecision())
                .isEqualTo(AuthDecision.IMPLICIT_DENY);
        assertThat(iot.testAuthorization(r -> r.authInfos(subscribe).policyNamesToAdd("subscribe-all"))
                        .authResults().get(0).authDecision())
                .isEqualTo(AuthDecision.ALLOWED);
    }

    @Test
    void refusesUnknownPrincipalsAndPoliciesAndTooManyChecks() {
        String unknown = ARN + "cert/" + "0".repeat(64);
        assertThatThrownBy(() -> iot.testAuthorization(r -> r.principal(unknown).authInfos(publish("a"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.testAuthorization(r -> r.authInfos(publish("a")).policyNamesToAdd("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        AuthInfo[] eleven = new AuthInfo[11];
        java.util.Arrays.fill(eleven, publish("a"));
        assertThatThrownBy(() -> iot.testAuthorization(r -> r.authInfos(eleven)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void thingVariablesResolveForTheAttachedThingTheClientIdNames() {
        CreateKeysAndCertificateResponse cert = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        iot.createPolicy(r -> r.policyName("own-topics").policyDocument(OWN_TOPICS));
        iot.attachPolicy(r -> r.policyName("own-topics").target(cert.certificateArn()));
        iot.createThing(r -> r.thingName("pump-1"));
        iot.attachThingPrincipal(r -> r.thingName("pump-1").principal(cert.certificateArn()));
        iot.createThing(r -> r.thingName("pump-2"));

        assertThat(decision(cert, "pump-1", "pump-1/data")).isEqualTo(AuthDecision.ALLOWED);
        assertThat(decision(cert, "pump-2", "pump-2/data")).isEqualTo(AuthDecision.IMPLICIT_DENY);
        assertThat(decision(cert, "pump-9", "pump-9/data")).isEqualTo(AuthDecision.IMPLICIT_DENY);
    }

    private AuthDecision decision(CreateKeysAndCertificateResponse cert, String clientId, String topic) {
        return iot.testAuthorization(r -> r.principal(cert.certificateArn()).clientId(clientId)
                .authInfos(publish(topic))).authResults().get(0).authDecision();
    }
}
