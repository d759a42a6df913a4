package dev.certreg.core.policy;

import java.util.List;

/**
 * One key of a {@code Condition} block: {@code "StringEquals": {"iot:ClientId": ["a", "b"]}} is one condition with
 * two values. Keys in a block and blocks in a statement must all hold; values of one key are alternatives.
 *
 * @param operator the parsed operator, with its set qualifier and {@code IfExists} suffix
 * @param key the condition key, as written (looked up case-insensitively)
 * @param values the values to compare with, in their text form (JSON numbers and booleans are kept as their text)
 */
public record Condition(ConditionOperator operator, String key, List<String> values) {
    public Condition {
        values = List.copyOf(values);
    }
}
