package dev.certreg.core.policy;

import java.util.Optional;

/**
 * A statement that covered a request, named for logs: {@code policy-name#2 (Sid)}.
 *
 * @param policyName the policy it belongs to
 * @param index its position in the policy's {@code Statement} array, from 0
 * @param sid its {@code Sid}, if it has one
 * @param effect its effect
 */
public record StatementRef(String policyName, int index, Optional<String> sid, Effect effect) {
    @Override
    public String toString() {
        return policyName + "#" + index + sid.map(s -> " (" + s + ")").orElse("") + " " + effect.wireName();
    }
}
