package dev.certreg.core.policy;

import java.util.Optional;

/**
 * Substitutes policy variables ({@code ${iot:ClientId}}, …) in a Resource pattern or a condition value
 * ("AWS IoT Core policy variables"). A variable's value stands for itself: a client id of {@code *} does not become a
 * wildcard. {@code ${*}}, {@code ${?}} and {@code ${$}} write a literal {@code *}, {@code ?} and {@code $} (IAM's
 * spelling; the IoT page prints them with parentheses). A {@code $} not followed by a closed {@code ${…}} is kept as
 * written.
 */
final class PolicyVariables {
    private PolicyVariables() {}

    /**
     * The pattern with every variable replaced, or empty if one of them has no single usable value in this request:
     * the caller then treats the pattern as matching nothing, so an unknown variable never widens a grant.
     */
    static Optional<WildcardPattern> resolve(String pattern, ContextKeys keys) {
        WildcardPattern.Builder out = new WildcardPattern.Builder();
        int i = 0;
        while (i < pattern.length()) {
            int end = pattern.startsWith("${", i) ? pattern.indexOf('}', i + 2) : -1;
            if (end < 0) {
                out.pattern(pattern.charAt(i++));
                continue;
            }
            String name = pattern.substring(i + 2, end);
            Optional<String> value = name.length() == 1 && "*?$".contains(name) ? Optional.of(name) : keys.single(name);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            out.literal(value.get());
            i = end + 1;
        }
        return Optional.of(out.build());
    }
}
