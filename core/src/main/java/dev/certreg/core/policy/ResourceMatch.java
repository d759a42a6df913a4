package dev.certreg.core.policy;

import java.util.Optional;

/**
 * Whether a statement's {@code Resource} or {@code NotResource} covers a request ARN, after variable substitution.
 * The whole ARN is compared, case-sensitively (topics are case-sensitive: "Topics"). A pattern whose variables do not
 * resolve matches nothing; for {@code NotResource} it makes the statement cover nothing, so that an unresolved
 * variable never widens what a statement grants or denies.
 */
final class ResourceMatch {
    private ResourceMatch() {}

    static boolean covers(PatternList resources, String arn, ContextKeys keys) {
        boolean any = false;
        for (String pattern : resources.patterns()) {
            Optional<WildcardPattern> resolved = PolicyVariables.resolve(pattern, keys);
            if (resolved.isEmpty() && resources.negated()) {
                return false;
            }
            any |= resolved.isPresent() && resolved.get().matches(arn, false);
        }
        return any != resources.negated();
    }
}
