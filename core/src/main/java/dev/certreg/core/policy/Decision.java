package dev.certreg.core.policy;

import java.util.List;
import java.util.Optional;

/**
 * The answer to one request, with the statements that covered it.
 *
 * @param outcome allowed, explicitly denied or implicitly denied
 * @param denying the Deny statements that covered the request, in policy and document order
 * @param allowing the Allow statements that covered the request, in policy and document order
 */
public record Decision(AuthDecision outcome, List<StatementRef> denying, List<StatementRef> allowing) {
    public Decision {
        denying = List.copyOf(denying);
        allowing = List.copyOf(allowing);
    }

    public boolean allowed() {
        return outcome == AuthDecision.ALLOWED;
    }

    /** The statement that decided: the first covering Deny, else the first covering Allow; none for an implicit deny. */
    public Optional<StatementRef> decidingStatement() {
        return denying.isEmpty() ? allowing.stream().findFirst() : Optional.of(denying.get(0));
    }

    @Override
    public String toString() {
        return outcome + decidingStatement().map(s -> " by " + s).orElse("");
    }
}
