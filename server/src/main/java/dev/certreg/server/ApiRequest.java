package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A routed, attributed request, with accessors that check each member against the API model (types, lengths,
 * patterns, enums) and answer InvalidRequestException naming the member. Not thread-safe; one per request.
 */
public final class ApiRequest {
    private static final Pattern CERTIFICATE_ID = Pattern.compile("(0x)?[a-fA-F0-9]+");
    private static final Pattern POLICY_NAME = Pattern.compile("[\\w+=,.@-]+");

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

    /** A certificate id from the path: 64 characters of the model's pattern, lower-cased. */
    public String certificateId(String label) {
        String id = pathParameters.get(label);
        if (id.length() != 64 || !CERTIFICATE_ID.matcher(id).matches()) {
            throw ServiceException.invalidRequest(
                    label + " must be 64 hexadecimal characters, got '" + abbreviate(id) + "'");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    /** A policy name from the path: 1 to 128 characters of {@code [\\w+=,.@-]}. */
    public String policyName(String label) {
        return checked(label, pathParameters.get(label), 1, 128, POLICY_NAME);
    }

    /** A path label as sent, decoded, with no constraint of the model's. */
    public String pathString(String label) {
        return pathParameters.get(label);
    }

    /** A required header, such as {@code x-amzn-iot-principal}, checked against a length range and a pattern. */
    public String header(String name, String member, int minLength, int maxLength, Pattern pattern) {
        String value = raw.header(name);
        if (value == null) {
            throw ServiceException.invalidRequest(member + " is required (header " + name + ")");
        }
        return checked(member, value, minLength, maxLength, pattern);
    }

    /** A path label checked against a length range and a pattern. */
    public String pathString(String label, int minLength, int maxLength, Pattern pattern) {
        return checked(label, pathParameters.get(label), minLength, maxLength, pattern);
    }

    /** A query long integer, or null when absent. */
    public Long queryLong(String name) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw ServiceException.invalidRequest(name + " must be an integer, got '" + abbreviate(value) + "'");
        }
    }

    /** A body long integer, or null when absent. */
    public Long bodyLong(String name) {
        JsonNode node = bodyMember(name, false);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw ServiceException.invalidRequest(name + " must be an integer");
        }
        return node.longValue();
    }

    /** A query boolean: absent, or exactly {@code true} or {@code false}. */
    public Boolean queryBoolean(String name) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ServiceException.invalidRequest(name + " must be true or false, got '" + abbreviate(value) + "'");
        }
        return Boolean.valueOf(value);
    }

    /** A query integer, or null when absent. */
    public Integer queryInteger(String name) {
        String value = query.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ServiceException.invalidRequest(name + " must be an integer, got '" + abbreviate(value) + "'");
        }
    }

    /** A query string checked against a length range and a pattern, or null when absent. */
    public String queryString(String name, int minLength, int maxLength, Pattern pattern) {
        return checked(name, query.get(name), minLength, maxLength, pattern);
    }

    /** A query enum value, or null when absent. */
    public <E extends Enum<E>> E queryEnum(String name, Class<E> type) {
        return enumValue(name, query.get(name), type);
    }

    /** A body string of {@code minLength..maxLength} characters; null when absent and not required. */
    public String bodyString(String name, boolean required, int minLength, int maxLength) {
        JsonNode node = bodyMember(name, required);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw ServiceException.invalidRequest(name + " must be a string");
        }
        return checked(name, node.textValue(), minLength, maxLength, null);
    }

    /** A body boolean, or null when absent. */
    public Boolean bodyBoolean(String name) {
        JsonNode node = bodyMember(name, false);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw ServiceException.invalidRequest(name + " must be a boolean");
        }
        return node.booleanValue();
    }

    /** A body enum value, or null when absent. */
    public <E extends Enum<E>> E bodyEnum(String name, Class<E> type) {
        JsonNode node = bodyMember(name, false);
        if (node != null && !node.isTextual()) {
            throw ServiceException.invalidRequest(name + " must be a string");
        }
        return enumValue(name, node == null ? null : node.textValue(), type);
    }

    /** A body member that must be a JSON object, or null when absent. */
    public ObjectNode bodyObject(String name) {
        JsonNode node = bodyMember(name, false);
        if (node != null && !node.isObject()) {
            throw ServiceException.invalidRequest(name + " must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A body member that must be a JSON array, or null when absent. */
    public JsonNode bodyArray(String name) {
        JsonNode node = bodyMember(name, false);
        if (node != null && !node.isArray()) {
            throw ServiceException.invalidRequest(name + " must be a JSON array");
        }
        return node;
    }

    private JsonNode bodyMember(String name, boolean required) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                throw ServiceException.invalidRequest(name + " is required");
            }
            return null;
        }
        return node;
    }

    static String checked(String name, String value, int minLength, int maxLength, Pattern pattern) {
        if (value == null) {
            return null;
        }
        if (value.length() < minLength || value.length() > maxLength) {
            throw ServiceException.invalidRequest(name + " must have " + minLength + " to " + maxLength
                    + " characters, got " + value.length());
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw ServiceException.invalidRequest(name + " must match " + pattern + ", got '" + abbreviate(value) + "'");
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
                + ", got '" + abbreviate(value) + "'");
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
