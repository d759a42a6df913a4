package dev.certreg.core.policy;

import java.util.List;
import java.util.Optional;

/**
 * One statement of a policy document.
 *
 * @param sid the optional {@code Sid}, for logs
 * @param effect Allow or Deny
 * @param actions the {@code Action} or {@code NotAction} patterns
 * @param resources the {@code Resource} or {@code NotResource} patterns
 * @param conditions every condition of the {@code Condition} element, in document order; empty when there is none
 */
public record Statement(
        Optional<String> sid, Effect effect, PatternList actions, PatternList resources, List<Condition> conditions) {
    public Statement {
        conditions = List.copyOf(conditions);
    }
}
