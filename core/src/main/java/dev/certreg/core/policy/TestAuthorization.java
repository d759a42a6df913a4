package dev.certreg.core.policy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The evaluation TestAuthorization reports (API reference, TestAuthorization): one action over several resources,
 * with the policies that allowed, explicitly denied or did not cover each. Stateless and thread-safe.
 */
public final class TestAuthorization {
    private TestAuthorization() {}

    /**
     * Evaluates each resource against the policies, as TestAuthorization does.
     *
     * @param policies the policies to evaluate, as if attached
     * @param context the connection the test pretends to be
     * @param action the action name, such as {@code iot:Publish}
     * @param resourceArns the resources, as ARNs
     */
    public static AuthResult run(List<AppliedPolicy> policies, RequestContext context, String action,
            List<String> resourceArns) {
        Set<String> allowing = new LinkedHashSet<>();
        Set<String> denying = new LinkedHashSet<>();
        Set<String> silent = new LinkedHashSet<>();
        AuthDecision decision = resourceArns.isEmpty() ? AuthDecision.IMPLICIT_DENY : AuthDecision.ALLOWED;
        for (String resource : resourceArns) {
            Decision one = PolicyEvaluator.evaluate(policies, context, action, resource);
            one.allowing().forEach(s -> allowing.add(s.policyName()));
            one.denying().forEach(s -> denying.add(s.policyName()));
            for (AppliedPolicy policy : policies) {
                if (covers(one.allowing(), policy) || covers(one.denying(), policy)) {
                    continue;
                }
                silent.add(policy.policyName());
            }
            decision = worse(decision, one.outcome());
        }
        return new AuthResult(decision, List.copyOf(allowing), List.copyOf(denying), List.copyOf(silent));
    }

    private static boolean covers(List<StatementRef> statements, AppliedPolicy policy) {
        return statements.stream().anyMatch(s -> s.policyName().equals(policy.policyName()));
    }

    private static AuthDecision worse(AuthDecision a, AuthDecision b) {
        if (a == AuthDecision.EXPLICIT_DENY || b == AuthDecision.EXPLICIT_DENY) {
            return AuthDecision.EXPLICIT_DENY;
        }
        return a == AuthDecision.IMPLICIT_DENY || b == AuthDecision.IMPLICIT_DENY
                ? AuthDecision.IMPLICIT_DENY
                : AuthDecision.ALLOWED;
    }
}
