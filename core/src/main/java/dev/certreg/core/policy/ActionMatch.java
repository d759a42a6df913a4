package dev.certreg.core.policy;

/**
 * Whether a statement's {@code Action} or {@code NotAction} covers an action. Action names compare without regard to
 * case, as IAM compares them, and take the {@code *} and {@code ?} wildcards ({@code iot:*}, {@code *}).
 */
final class ActionMatch {
    private ActionMatch() {}

    static boolean covers(PatternList actions, String action) {
        boolean any = actions.patterns().stream().anyMatch(p -> WildcardPattern.of(p).matches(action, true));
        return any != actions.negated();
    }
}
