package dev.certreg.core.policy;

import java.util.Objects;

/**
 * A policy that applies to a request: its name, for logs and TestAuthorization's answer, and its default version's
 * document.
 */
public record AppliedPolicy(String policyName, PolicyDocument document) {
    public AppliedPolicy {
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(document, "document");
    }
}
