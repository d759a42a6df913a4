package dev.certreg.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The checks of {@link PolicyDocument#parse(String)}, one element at a time. */
final class DocumentReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> DOCUMENT_KEYS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final String PREFIX = "Policy document is Malformed: ";

    private DocumentReader() {}

    static PolicyDocument read(@Nullable String json) {
        if (json == null || json.isBlank()) {
            throw malformed("the document is empty");
        }
        long characters = json.codePoints().filter(c -> !Character.isWhitespace(c)).count();
        if (characters > PolicyDocument.MAX_CHARACTERS) {
            throw malformed("the document has " + characters + " characters excluding whitespace; at most "
                    + PolicyDocument.MAX_CHARACTERS + " are allowed");
        }
        JsonNode root = tree(json);
        if (!root.isObject()) {
            throw malformed("the document must be a JSON object");
        }
        checkKeys(root, DOCUMENT_KEYS, "the document");
        String version = version(root.get("Version"));
        JsonNode id = root.get("Id");
        if (id != null && !id.isTextual()) {
            throw malformed("Id must be a string");
        }
        return new PolicyDocument(version, statements(root.get("Statement")));
    }

    private static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null
                    ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw malformed("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    private static String version(JsonNode version) {
        if (version == null) {
            throw malformed("Version is missing; use \"2012-10-17\"");
        }
        if (!version.isTextual() || !VERSIONS.contains(version.asText())) {
            throw malformed("Version must be \"2012-10-17\" or \"2008-10-17\", got " + version);
        }
        return version.asText();
    }

    private static List<Statement> statements(@Nullable JsonNode element) {
        if (element == null) {
            throw malformed("Statement is missing");
        }
        if (element.isObject()) {
            return List.of(statement(element, "Statement"));
        }
        if (!element.isArray() || element.isEmpty()) {
            throw malformed("Statement must be an object or a non-empty array of objects");
        }
        List<Statement> statements = new ArrayList<>();
        for (int i = 0; i < element.size(); i++) {
            String where = "Statement[" + i + "]";
            if (!element.get(i).isObject()) {
                throw malformed(where + " must be an object");
            }
            statements.add(statement(element.get(i), where));
        }
        return statements;
    }

    private static Statement statement(JsonNode node, String where) {
        checkKeys(node, STATEMENT_KEYS, where);
        JsonNode sid = node.get("Sid");
        if (sid != null && !sid.isTextual()) {
            throw malformed(where + ": Sid must be a string");
        }
        return new Statement(
                Optional.ofNullable(sid).map(JsonNode::asText),
                effect(node.get("Effect"), where),
                patterns(node, "Action", "NotAction", where, true),
                patterns(node, "Resource", "NotResource", where, false),
                ConditionReader.read(node.get("Condition"), where));
    }

    private static Effect effect(JsonNode effect, String where) {
        if (effect == null) {
            throw malformed(where + ": Effect is missing");
        }
        for (Effect candidate : Effect.values()) {
            if (effect.isTextual() && candidate.wireName().equals(effect.asText())) {
                return candidate;
            }
        }
        throw malformed(where + ": Effect must be \"Allow\" or \"Deny\", got " + effect);
    }

    private static PatternList patterns(JsonNode node, String name, String negatedName, String where, boolean actions) {
        JsonNode plain = node.get(name);
        JsonNode negated = node.get(negatedName);
        if ((plain == null) == (negated == null)) {
            throw malformed(where + ": exactly one of " + name + " and " + negatedName + " is required");
        }
        String element = plain != null ? name : negatedName;
        List<String> patterns = strings(plain != null ? plain : negated, where + ": " + element);
        if (actions) {
            patterns.forEach(action -> checkAction(action, where));
        }
        return new PatternList(patterns, plain == null);
    }

    private static List<String> strings(JsonNode node, String what) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray() && !node.isEmpty()) {
            node.forEach(item -> values.add(item.isTextual() ? item.asText() : null));
        }
        if (values.isEmpty() || values.contains(null) || values.contains("")) {
            throw malformed(what + " must be a non-empty string or a non-empty array of non-empty strings");
        }
        return values;
    }

    private static void checkAction(String action, String where) {
        int colon = action.indexOf(':');
        if (!action.equals("*") && (colon <= 0 || colon == action.length() - 1)) {
            throw malformed(where + ": action '" + action + "' must be \"*\" or service:name, such as iot:Publish");
        }
    }

    static void checkKeys(JsonNode node, Set<String> allowed, String where) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String key = property.getKey();
            if (!allowed.contains(key)) {
                throw malformed(where + " has an unknown element '" + key + "'; allowed are " + allowed);
            }
        }
    }

    static ServiceException malformed(String detail) {
        return new ServiceException(ErrorCode.MALFORMED_POLICY, PREFIX + detail);
    }
}
