package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.ServiceException;
import dev.certreg.core.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The model's Tag shape ({@code {"Key", "Value"}}, capitalised) and TagKey constraints, read and written. */
final class TagParameters {
    static final Pattern KEY = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");

    private TagParameters() {}

    /** A list of Tag objects, or an empty list when {@code array} is null. */
    static List<Tag> tags(String member, JsonNode array) {
        if (array == null) {
            return List.of();
        }
        List<Tag> tags = new ArrayList<>();
        for (JsonNode tag : array) {
            if (!tag.isObject()) {
                throw ServiceException.invalidRequest("each of " + member + " must be an object {\"Key\", \"Value\"}");
            }
            String key = text(tag, member + ".Key", 1, 128, KEY);
            if (key == null) {
                throw ServiceException.invalidRequest(member + ".Key is required");
            }
            tags.add(new Tag(key, text(tag, member + ".Value", 0, 256, null)));
        }
        return tags;
    }

    /** A list of TagKey strings. */
    static List<String> keys(String member, JsonNode array) {
        List<String> keys = new ArrayList<>();
        for (JsonNode key : array) {
            if (!key.isTextual()) {
                throw ServiceException.invalidRequest("each of " + member + " must be a string");
            }
            keys.add(ApiRequest.checked(member, key.textValue(), 1, 128, KEY));
        }
        return keys;
    }

    static ArrayNode render(ArrayNode array, List<Tag> tags) {
        for (Tag tag : tags) {
            ObjectNode node = array.addObject();
            node.put("Key", tag.key());
            Json.putIfPresent(node, "Value", tag.value());
        }
        return array;
    }

    /** A string member of {@code parent} named by the last part of {@code path}, checked; null when absent. */
    static String text(JsonNode parent, String path, int min, int max, Pattern pattern) {
        JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ServiceException.invalidRequest(path + " must be a string");
        }
        return ApiRequest.checked(path, node.textValue(), min, max, pattern);
    }
}
