package dev.certreg.core.policy;

/** The outcome of an evaluation, named as TestAuthorization's {@code authDecision} names it. */
public enum AuthDecision {
    /** An Allow statement covers the request and no Deny statement does. */
    ALLOWED,
    /** A Deny statement covers the request; it wins over every Allow. */
    EXPLICIT_DENY,
    /** No statement covers the request: everything not allowed is denied. */
    IMPLICIT_DENY
}
