package dev.certreg.cli.iot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two spellings the AWS CLI accepts for a structure parameter with string members: JSON ({@code
 * {"templateName": "t1"}}) and shorthand ({@code templateName=t1,roleArn=arn:...}). Shorthand here is the plain
 * {@code key=value,...} form, without the CLI's quoting: write a value with a comma as JSON. Either may come from a
 * {@code file://}. Stateless and thread-safe.
 */
final class StructureSyntax {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StructureSyntax() {}

    /**
     * One structure: the members given, in the order given.
     *
     * @throws ParameterValueException if the value is neither syntax, or names a member not in {@code members}
     */
    static Map<String, String> structure(String option, String value, List<String> members) {
        return object(option, ParamFile.resolve(option, value).strip(), members);
    }

    /**
     * A list of structures: each value is one shorthand structure, or a JSON array of them.
     *
     * @throws ParameterValueException as {@link #structure}
     */
    static List<Map<String, String>> list(String option, List<String> values, List<String> members) {
        List<Map<String, String>> structures = new ArrayList<>();
        for (String value : values) {
            String text = ParamFile.resolve(option, value).strip();
            if (text.startsWith("[")) {
                json(option, text).forEach(element -> structures.add(fromJson(option, element, members)));
            } else {
                structures.add(object(option, text, members));
            }
        }
        return structures;
    }

    private static Map<String, String> object(String option, String text, List<String> members) {
        return text.startsWith("{") ? fromJson(option, json(option, text), members)
                : shorthand(option, text, members);
    }

    private static JsonNode json(String option, String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ParameterValueException.parsing(option, "Invalid JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, String> fromJson(String option, JsonNode node, List<String> members) {
        if (!node.isObject()) {
            throw ParameterValueException.parsing(option, "Expected a JSON object, got: " + node);
        }
        Map<String, String> structure = new LinkedHashMap<>();
        node.properties().forEach(field -> {
            if (!field.getValue().isTextual()) {
                throw ParameterValueException.parsing(option, "The value of " + field.getKey() + " must be a string");
            }
            structure.put(member(option, field.getKey(), members), field.getValue().textValue());
        });
        return structure;
    }

    private static Map<String, String> shorthand(String option, String text, List<String> members) {
        Map<String, String> structure = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw ParameterValueException.parsing(option,
                        "Expected key=value[,key=value...] or JSON, got: " + text);
            }
            structure.put(member(option, pair.substring(0, equals).strip(), members), pair.substring(equals + 1));
        }
        return structure;
    }

    private static String member(String option, String key, List<String> members) {
        if (!members.contains(key)) {
            throw ParameterValueException.parsing(option,
                    "Unknown key '" + key + "', valid choices are: " + String.join(", ", members));
        }
        return key;
    }
}
