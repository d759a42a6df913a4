package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.ServiceException;
import dev.certreg.core.Tag;
import dev.certreg.protocol.Members;
import java.util.ArrayList;
import java.util.List;

/** The model's Tag shape ({@code {"Key", "Value"}}, capitalised) and TagKey constraints, read and written. */
final class TagParameters {
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
            String key = ApiRequest.string(tag, member, Members.Tag.KEY);
            tags.add(new Tag(key, ApiRequest.string(tag, member, Members.Tag.VALUE)));
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
            keys.add(ApiRequest.checked(member, key.textValue(), Members.UntagResource.TAG_KEYS_MEMBER));
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
}
