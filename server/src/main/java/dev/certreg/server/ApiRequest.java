package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.protocol.Member;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A routed, attributed request, with one accessor per kind of member: each reads a member where its entry in
 * {@link dev.certreg.protocol.Members} says it travels, checks it against that entry (required, type, length,
 * pattern) and answers InvalidRequestException naming the member. Not thread-safe; one per request.
 */
public final class ApiRequest {
    private final Scope scope;
    private final Map<String, String> pathParameters;
    private final Map<String, String> query;
    private final RawRequest raw;
    private final ObjectNode body;

    ApiRequest(Scope scope, Map<String, String> pathParameters, Map<String, String> query, RawRequest raw,
            ObjectNode body) {
        this.scope = scope;
        this.pathParameters = pathParameters;
        this.query = query;
        this.raw = raw;
        this.body = body;
    }

    /** The caller's account and region. */
    public Scope scope() {
        return scope;
    }

    /** A string member, checked against its length range and pattern; null when absent. */
    public String string(Member member) {
        return checked(label(member), text(member), member);
    }

    /** A certificate id from the path, checked against its entry, lower-cased. */
    public String certificateId(Member member) {
        String id = pathParameters.get(member.wireName());
        if (id.length() != member.max() || !member.pattern().matcher(id).matches()) {
            throw ServiceException.invalidRequest(member.wireName() + " must be " + member.max()
                    + " hexadecimal characters, got '" + ServiceException.abbreviate(id) + "'");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /** An enum member, one of {@code type}'s constants; null when absent. */
    public <E extends Enum<E>> E enumValue(Member member, Class<E> type) {
        return enumValue(label(member), text(member), type);
    }

    /** A boolean member: {@code true} or {@code false} in the query, a JSON boolean in the body; null when absent. */
    public Boolean bool(Member member) {
        if (member.location() == Member.Location.BODY) {
            JsonNode node = bodyMember(member);
            if (node != null && !node.isBoolean()) {
                throw ServiceException.invalidRequest(member.wireName() + " must be a boolean");
            }
            return node == null ? null : node.booleanValue();
        }
        String value = text(member);
        if (value != null && !value.equals("true") && !value.equals("false")) {
            throw ServiceException.invalidRequest(
                    member.wireName() + " must be true or false, got '" + ServiceException.abbreviate(value) + "'");
        }
        return value == null ? null : Boolean.valueOf(value);
    }

    /** An integer member from the query, or null when absent; its range is the service's rule. */
    public Integer integer(Member member) {
        Long value = longValue(member);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw notAnInteger(member, query.get(member.wireName()));
        }
        return value == null ? null : value.intValue();
    }

    /** A long member from the query or the body, or null when absent. */
    public Long longValue(Member member) {
        if (member.location() == Member.Location.BODY) {
            JsonNode node = bodyMember(member);
            if (node != null && (!node.isIntegralNumber() || !node.canConvertToLong())) {
                throw ServiceException.invalidRequest(member.wireName() + " must be an integer");
            }
            return node == null ? null : node.longValue();
        }
        String value = text(member);
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw notAnInteger(member, value);
        }
    }

    /** A structure member of the body, or null when absent. */
    public ObjectNode object(Member member) {
        JsonNode node = bodyMember(member);
        if (node != null && !node.isObject()) {
            throw ServiceException.invalidRequest(member.wireName() + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A list member of the body, or null when absent. */
    public JsonNode array(Member member) {
        JsonNode node = bodyMember(member);
        if (node != null && !node.isArray()) {
            throw ServiceException.invalidRequest(member.wireName() + " must be a JSON array");
        }
        return node;
    }

    /** A string member of a structure in the body, named {@code parent.member} in errors; null when absent. */
    static String string(JsonNode parent, String parentName, Member member) {
        String path = parentName + "." + member.wireName();
        JsonNode node = parent.get(member.wireName());
        if (node == null || node.isNull()) {
            return required(path, member, null);
        }
        if (!node.isTextual()) {
            throw ServiceException.invalidRequest(path + " must be a string");
        }
        return checked(path, node.textValue(), member);
    }

    /** A boolean member of a structure in the body, named {@code parent.member} in errors; null when absent. */
    static Boolean bool(JsonNode parent, String parentName, Member member) {
        JsonNode node = parent.get(member.wireName());
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ServiceException.invalidRequest(parentName + "." + member.wireName() + " must be a boolean");
        }
        return node.booleanValue();
    }

    /** {@code value} checked against {@code member}'s length range and pattern, named {@code name} in errors. */
    static String checked(String name, String value, Member member) {
        if (value == null) {
            return null;
        }
        if (value.length() < member.min() || value.length() > member.max()) {
            throw ServiceException.invalidRequest(name + " must have " + member.min() + " to " + member.max()
                    + " characters, got " + value.length());
        }
        Pattern pattern = member.pattern();
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw ServiceException.invalidRequest(
                    name + " must match " + pattern + ", got '" + ServiceException.abbreviate(value) + "'");
        }
        return value;
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw ServiceException.invalidRequest(name + " must be one of " + Arrays.toString(type.getEnumConstants())
                + ", got '" + ServiceException.abbreviate(value) + "'");
    }

    private String text(Member member) {
        String value = switch (member.location()) {
            case URI -> pathParameters.get(member.wireName());
            case QUERYSTRING -> query.get(member.wireName());
            case HEADER -> raw.header(member.wireName());
            case BODY -> bodyText(member);
        };
        return required(label(member), member, value);
    }

    private String bodyText(Member member) {
        JsonNode node = bodyMember(member);
        if (node != null && !node.isTextual()) {
            throw ServiceException.invalidRequest(member.wireName() + " must be a string");
        }
        return node == null ? null : node.textValue();
    }

    private JsonNode bodyMember(Member member) {
        JsonNode node = body.get(member.wireName());
        return required(member.wireName(), member, node == null || node.isNull() ? null : node);
    }

    private static <T> T required(String label, Member member, T value) {
        if (value == null && member.required()) {
            throw ServiceException.invalidRequest(member.location() == Member.Location.HEADER
                    ? label + " is required (header " + member.wireName() + ")"
                    : label + " is required");
        }
        return value;
    }

    /** How errors name a member: a header by the model's member name, anything else by its name on the wire. */
    private static String label(Member member) {
        return member.location() == Member.Location.HEADER ? member.name() : member.wireName();
    }

    private static ServiceException notAnInteger(Member member, String value) {
        return ServiceException.invalidRequest(
                member.wireName() + " must be an integer, got '" + ServiceException.abbreviate(value) + "'");
    }
}
