package dev.certreg.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.ServiceException;
import dev.certreg.core.Validity;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/** The one JSON mapper and the wire's conventions: epoch-second dates, absent members omitted. Thread-safe. */
final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The request body as a JSON object; an empty body is {@code {}}. */
    static ObjectNode parseBody(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ServiceException.invalidRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ServiceException.invalidRequest("The request body could not be read");
        }
        if (node == null || node.isMissingNode()) {
            return object();
        }
        if (!node.isObject()) {
            throw ServiceException.invalidRequest("The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Epoch seconds with millisecond precision, as the SDKs parse a rest-json timestamp. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    /** Puts {@code value} unless it is null: absent members are omitted, never null. */
    static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** {@code validity: {notBefore, notAfter}}, as both description shapes carry it. */
    static void putValidity(ObjectNode description, Validity validity) {
        ObjectNode node = description.putObject("validity");
        node.put("notBefore", epochSeconds(validity.notBefore()));
        node.put("notAfter", epochSeconds(validity.notAfter()));
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }
}
