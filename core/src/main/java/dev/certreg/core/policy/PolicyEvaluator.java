package dev.certreg.core.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides one request against the policies that apply to it, as AWS IoT does ("AWS IoT Core policies", which follow
 * IAM's policy evaluation logic): a statement covers the request when its action, its resource (after policy
 * variables are resolved) and all its conditions match; any covering Deny gives {@link AuthDecision#EXPLICIT_DENY},
 * else any covering Allow gives {@link AuthDecision#ALLOWED}, else {@link AuthDecision#IMPLICIT_DENY}. No policy at
 * all denies everything. Stateless and thread-safe.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {}

    /**
     * Decides one action on one resource.
     *
     * @param policies the default versions of every policy that applies (those attached to the certificate)
     * @param context the connection's facts
     * @param action the action name, such as {@code iot:Publish}
     * @param resourceArn the resource the action is matched as, such as {@code arn:aws:iot:…:topic/a/b}
     */
    public static Decision evaluate(List<AppliedPolicy> policies, RequestContext context, String action,
            String resourceArn) {
        ContextKeys keys = ContextKeys.of(context);
        List<StatementRef> denying = new ArrayList<>();
        List<StatementRef> allowing = new ArrayList<>();
        for (AppliedPolicy policy : policies) {
            List<Statement> statements = policy.document().statements();
            for (int i = 0; i < statements.size(); i++) {
                Statement statement = statements.get(i);
                if (covers(statement, action, resourceArn, keys)) {
                    StatementRef ref = new StatementRef(policy.policyName(), i, statement.sid(), statement.effect());
                    (statement.effect() == Effect.DENY ? denying : allowing).add(ref);
                }
            }
        }
        AuthDecision outcome = !denying.isEmpty()
                ? AuthDecision.EXPLICIT_DENY
                : allowing.isEmpty() ? AuthDecision.IMPLICIT_DENY : AuthDecision.ALLOWED;
        return new Decision(outcome, denying, allowing);
    }

    private static boolean covers(Statement statement, String action, String resourceArn, ContextKeys keys) {
        return ActionMatch.covers(statement.actions(), action)
                && ResourceMatch.covers(statement.resources(), resourceArn, keys)
                && ConditionTest.allHold(statement.conditions(), keys);
    }
}
