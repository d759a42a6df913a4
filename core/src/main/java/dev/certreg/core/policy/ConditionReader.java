package dev.certreg.core.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The checks of a statement's {@code Condition} element, part of {@link PolicyDocument#parse(String)}. */
final class ConditionReader {
    private ConditionReader() {}

    static List<Condition> read(@Nullable JsonNode element, String where) {
        if (element == null) {
            return List.of();
        }
        if (!element.isObject()) {
            throw DocumentReader.malformed(where + ": Condition must be an object of operators");
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonNode> block : element.properties()) {
            ConditionOperator operator = ConditionOperator.parse(block.getKey())
                    .orElseThrow(() -> DocumentReader.malformed(
                            where + ": unknown condition operator '" + block.getKey() + "'"));
            String blockWhere = where + ": Condition " + block.getKey();
            if (!block.getValue().isObject() || block.getValue().isEmpty()) {
                throw DocumentReader.malformed(blockWhere + " must be a non-empty object of condition keys");
            }
            for (Map.Entry<String, JsonNode> key : block.getValue().properties()) {
                conditions.add(condition(operator, key, blockWhere + " " + key.getKey()));
            }
        }
        return conditions;
    }

    private static Condition condition(ConditionOperator operator, Map.Entry<String, JsonNode> key, String where) {
        if (key.getKey().isEmpty()) {
            throw DocumentReader.malformed(where + ": a condition key must not be empty");
        }
        List<String> values = new ArrayList<>();
        JsonNode node = key.getValue();
        if (node.isArray() && !node.isEmpty()) {
            node.forEach(item -> values.add(scalar(item)));
        } else {
            values.add(scalar(node));
        }
        if (values.contains(null)) {
            throw DocumentReader.malformed(
                    where + " must be a string, number or boolean, or a non-empty array of them");
        }
        return new Condition(operator, key.getKey(), values);
    }

    private static @Nullable String scalar(JsonNode node) {
        return node.isTextual() || node.isNumber() || node.isBoolean() ? node.asText() : null;
    }
}
