package dev.certreg.cli.iot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iot.model.AttributePayload;

/**
 * The {@code --attribute-payload} option of the AWS CLI: JSON ({@code {"attributes": {"a": "1"}, "merge": true}})
 * or shorthand ({@code attributes={a=1,b=2},merge=true}), either from a {@code file://}. Stateless and thread-safe.
 */
final class AttributePayloads {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SHORTHAND =
            Pattern.compile("(?:attributes=\\{([^}]*)\\})?(?:,?merge=(true|false))?");

    private AttributePayloads() {}

    static AttributePayload parse(String option, String value) {
        String text = ParamFile.resolve(option, value).strip();
        return text.startsWith("{") ? fromJson(option, text) : shorthand(option, text);
    }

    private static AttributePayload fromJson(String option, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw ParameterValueException.parsing(option, "Invalid JSON: " + e.getOriginalMessage());
        }
        AttributePayload.Builder payload = AttributePayload.builder();
        JsonNode attributes = node.get("attributes");
        if (attributes != null) {
            if (!attributes.isObject()) {
                throw ParameterValueException.parsing(option, "attributes must be a JSON object");
            }
            Map<String, String> map = new LinkedHashMap<>();
            attributes.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
            payload.attributes(map);
        }
        JsonNode merge = node.get("merge");
        if (merge != null) {
            payload.merge(merge.asBoolean());
        }
        return payload.build();
    }

    // String.split drops trailing empty entries on purpose: "attributes={a=1,}" is read as "attributes={a=1}".
    @SuppressWarnings("StringSplitter")
    private static AttributePayload shorthand(String option, String text) {
        Matcher m = SHORTHAND.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw ParameterValueException.parsing(option,
                    "Expected attributes={name=value,...},merge=true|false or JSON, got: " + text);
        }
        AttributePayload.Builder payload = AttributePayload.builder();
        if (m.group(1) != null) {
            Map<String, String> map = new LinkedHashMap<>();
            for (String pair : m.group(1).split(",")) {
                int equals = pair.indexOf('=');
                if (equals < 1) {
                    throw ParameterValueException.parsing(option, "Expected name=value in attributes, got: " + pair);
                }
                map.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
            }
            payload.attributes(map);
        }
        if (m.group(2) != null) {
            payload.merge(Boolean.valueOf(m.group(2)));
        }
        return payload.build();
    }
}
