package dev.certreg.core.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Whether a statement's conditions hold for a request, with IAM's semantics ("IAM JSON policy elements: Condition
 * operators", "Single-valued vs. multivalued context keys"): all conditions must hold; a key's policy values are
 * alternatives; an absent key makes a condition false, except with {@code …IfExists}, {@code ForAllValues:}, a
 * negated operator and {@code Null}. Policy values may use policy variables; a value whose variables do not resolve
 * matches nothing, and makes a negated condition false.
 */
final class ConditionTest {
    private ConditionTest() {}

    static boolean allHold(List<Condition> conditions, ContextKeys keys) {
        return conditions.stream().allMatch(condition -> holds(condition, keys));
    }

    static boolean holds(Condition condition, ContextKeys keys) {
        ConditionOperator operator = condition.operator();
        if (keys.withheld(condition.key())) {
            return false;
        }
        Optional<List<String>> present = keys.values(condition.key()).filter(list -> !list.isEmpty());
        if (operator.comparison() == Comparison.NULL) {
            return condition.values().stream().anyMatch(v -> Boolean.parseBoolean(v) == present.isEmpty());
        }
        if (present.isEmpty()) {
            return operator.ifExists()
                    || operator.qualifier() == ConditionOperator.SetQualifier.FOR_ALL_VALUES
                    || (operator.qualifier() == ConditionOperator.SetQualifier.NONE
                            && operator.comparison().negated());
        }
        Optional<Predicate<String>> test = test(operator.comparison(), condition.values(), keys);
        if (test.isEmpty()) {
            return false;
        }
        return operator.qualifier() == ConditionOperator.SetQualifier.FOR_ALL_VALUES
                ? present.get().stream().allMatch(test.get())
                : present.get().stream().anyMatch(test.get());
    }

    /** The test one request value must pass; empty when a negated comparison has an unresolvable value. */
    private static Optional<Predicate<String>> test(Comparison comparison, List<String> policyValues, ContextKeys keys) {
        List<WildcardPattern> resolved = new ArrayList<>();
        for (String value : policyValues) {
            Optional<WildcardPattern> pattern = PolicyVariables.resolve(value, keys);
            if (pattern.isEmpty() && comparison.negated()) {
                return Optional.empty();
            }
            pattern.ifPresent(resolved::add);
        }
        Predicate<String> anyMatch = request -> resolved.stream().anyMatch(p -> Comparisons.matches(comparison, request, p));
        return Optional.of(comparison.negated() ? anyMatch.negate() : anyMatch);
    }
}
