package dev.certreg.core.policy;

import java.util.List;

/**
 * The patterns of a statement's {@code Action} or {@code Resource} element, or of their inverted forms
 * {@code NotAction} and {@code NotResource}.
 *
 * @param patterns the patterns as written, variables and wildcards unresolved; never empty
 * @param negated whether the element is {@code NotAction} or {@code NotResource}: the statement then applies to
 *     everything the patterns do not match
 */
public record PatternList(List<String> patterns, boolean negated) {
    public PatternList {
        patterns = List.copyOf(patterns);
    }
}
