package dev.certreg.core.policy;

import static dev.certreg.core.policy.PublishedExamplesTest.allow;
import static dev.certreg.core.policy.PublishedExamplesTest.deny;
import static dev.certreg.core.policy.PublishedExamplesTest.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestAuthorizationTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final RequestContext CONTEXT = RequestContext.builder(SCOPE, Instant.EPOCH).clientId("c1").build();
    private static final String A = IotAction.PUBLISH.resourceArn(SCOPE, "a");
    private static final String B = IotAction.PUBLISH.resourceArn(SCOPE, "b");
    private static final AppliedPolicy ALLOW_A = new AppliedPolicy("allow-a",
            PolicyDocument.parse(policy(allow("iot:Publish", A))));
    private static final AppliedPolicy ALLOW_B = new AppliedPolicy("allow-b",
            PolicyDocument.parse(policy(allow("iot:Publish", B))));
    private static final AppliedPolicy DENY_B = new AppliedPolicy("deny-b",
            PolicyDocument.parse(policy(deny("iot:Publish", B))));

    @Test
    void allowsWhenEveryResourceIsAllowed() {
        AuthResult result = TestAuthorization.run(List.of(ALLOW_A, ALLOW_B), CONTEXT, "iot:Publish", List.of(A, B));

        assertThat(result).isEqualTo(new AuthResult(AuthDecision.ALLOWED, List.of("allow-a", "allow-b"), List.of(),
                List.of("allow-b", "allow-a")));
    }

    @Test
    void oneUncoveredResourceDeniesImplicitly() {
        AuthResult result = TestAuthorization.run(List.of(ALLOW_A), CONTEXT, "iot:Publish", List.of(A, B));

        assertThat(result.decision()).isEqualTo(AuthDecision.IMPLICIT_DENY);
        assertThat(result.allowing()).containsExactly("allow-a");
        assertThat(result.implicitlyDenying()).containsExactly("allow-a");
    }

    @Test
    void anExplicitDenyOfOneResourceDeniesAll() {
        AuthResult result = TestAuthorization.run(List.of(ALLOW_A, ALLOW_B, DENY_B), CONTEXT, "iot:Publish",
                List.of(A, B));

        assertThat(result.decision()).isEqualTo(AuthDecision.EXPLICIT_DENY);
        assertThat(result.explicitlyDenying()).containsExactly("deny-b");
    }

    @Test
    void noPolicyIsAnImplicitDenyNamingNone() {
        assertThat(TestAuthorization.run(List.of(), CONTEXT, "iot:Publish", List.of(A)))
                .isEqualTo(new AuthResult(AuthDecision.IMPLICIT_DENY, List.of(), List.of(), List.of()));
    }

    @Test
    void noResourceIsAnImplicitDeny() {
        assertThat(TestAuthorization.run(List.of(ALLOW_A), CONTEXT, "iot:Publish", List.of()).decision())
                .isEqualTo(AuthDecision.IMPLICIT_DENY);
    }
}
