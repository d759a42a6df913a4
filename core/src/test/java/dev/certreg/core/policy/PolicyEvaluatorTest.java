package dev.certreg.core.policy;

import static dev.certreg.core.policy.PublishedExamplesTest.allow;
import static dev.certreg.core.policy.PublishedExamplesTest.deny;
import static dev.certreg.core.policy.PublishedExamplesTest.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.certreg.core.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyEvaluatorTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final RequestContext CONTEXT = RequestContext.builder(SCOPE, Instant.EPOCH).clientId("c1").build();
    private static final String TOPIC = IotAction.PUBLISH.resourceArn(SCOPE, "a/b");

    @Test
    void noPolicyDeniesEverything() {
        Decision decision = PolicyEvaluator.evaluate(List.of(), CONTEXT, "iot:Publish", TOPIC);

        assertThat(decision.outcome()).isEqualTo(AuthDecision.IMPLICIT_DENY);
        assertThat(decision.decidingStatement()).isEmpty();
    }

    @Test
    void aDenyInOnePolicyWinsOverAnAllowInAnother() {
        AppliedPolicy allowAll = new AppliedPolicy("allow-all", PolicyDocument.parse(policy(allow("iot:*", "*"))));
        AppliedPolicy denyA = new AppliedPolicy("deny-a", PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[" + allow("iot:Connect", "*") + ",{\"Sid\":\"noA\","
                        + "\"Effect\":\"Deny\",\"Action\":\"iot:Publish\",\"Resource\":\"" + TOPIC.replace("a/b", "a/*")
                        + "\"}]}"));

        Decision decision = PolicyEvaluator.evaluate(List.of(allowAll, denyA), CONTEXT, "iot:Publish", TOPIC);

        assertThat(decision.outcome()).isEqualTo(AuthDecision.EXPLICIT_DENY);
        assertThat(decision.decidingStatement()).contains(new StatementRef("deny-a", 1, Optional.of("noA"), Effect.DENY));
        assertThat(decision.allowing()).containsExactly(new StatementRef("allow-all", 0, Optional.empty(), Effect.ALLOW));
        assertThat(decision.toString()).isEqualTo("EXPLICIT_DENY by deny-a#1 (noA) Deny");
    }

    @Test
    void namesEveryAllowingStatement() {
        AppliedPolicy first = new AppliedPolicy("p1", PolicyDocument.parse(policy(allow("iot:Publish", TOPIC))));
        AppliedPolicy second = new AppliedPolicy("p2", PolicyDocument.parse(
                policy(deny("iot:Publish", TOPIC + "/x"), allow("iot:*", "*"))));

        Decision decision = PolicyEvaluator.evaluate(List.of(first, second), CONTEXT, "iot:Publish", TOPIC);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.allowing()).extracting(StatementRef::policyName, StatementRef::index)
                .containsExactly(tuple("p1", 0), tuple("p2", 1));
        assertThat(decision.decidingStatement()).map(StatementRef::policyName).contains("p1");
    }

    @Test
    void buildsRequestArnsInTheRegionsPartition() {
        assertThat(IotAction.SUBSCRIBE.resourceArn(new Scope("123456789012", "cn-north-1"), "a/+/#"))
                .isEqualTo("arn:aws-cn:iot:cn-north-1:123456789012:topicfilter/a/+/#");
        assertThat(IotAction.CONNECT.resourceArn(SCOPE, "c1")).isEqualTo("arn:aws:iot:us-east-1:123456789012:client/c1");
    }
}
