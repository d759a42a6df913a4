package dev.certreg.core.policy;

import java.util.List;

/**
 * TestAuthorization's answer for one {@code authInfo}: the decision over all its resources and which policies led to
 * it.
 *
 * @param decision EXPLICIT_DENY if any resource is explicitly denied, else IMPLICIT_DENY if any is not allowed, else
 *     ALLOWED
 * @param allowing names of the policies with an Allow statement covering a resource
 * @param explicitlyDenying names of the policies with a Deny statement covering a resource
 * @param implicitlyDenying names of the policies with no statement covering some resource
 */
public record AuthResult(AuthDecision decision, List<String> allowing, List<String> explicitlyDenying,
        List<String> implicitlyDenying) {
    public AuthResult {
        allowing = List.copyOf(allowing);
        explicitlyDenying = List.copyOf(explicitlyDenying);
        implicitlyDenying = List.copyOf(implicitlyDenying);
    }
}
