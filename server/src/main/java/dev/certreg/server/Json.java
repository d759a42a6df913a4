package dev.certreg.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.ServiceException;
import dev.certreg.core.Validity;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;

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
        refuseLoneSurrogates(node);
        return (ObjectNode) node;
    }

    /**
     * A JSON escape can spell half a UTF-16 pair (a lone surrogate such as U+D800), which no UTF-8 store can keep:
     * it would be stored as {@code ?}. Such a string is the client's mistake, not data to alter.
     */
    private static void refuseLoneSurrogates(JsonNode node) {
        if (node.isTextual() && hasLoneSurrogate(node.textValue())) {
            throw ServiceException.invalidRequest("The request body has a string with an unpaired UTF-16 surrogate");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            if (hasLoneSurrogate(names.next())) {
                throw ServiceException.invalidRequest("The request body has a member name with an unpaired UTF-16"
                        + " surrogate");
            }
        }
        node.elements().forEachRemaining(Json::refuseLoneSurrogates);
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Epoch seconds with millisecond precision, as the SDKs parse a rest-json timestamp. */
    static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    /**
     * Writes {@code instant} as {@link #epochSeconds} renders it ({@code 1733462400.120}: seconds, a point and three
     * digits) without building a {@code BigDecimal}: a page of 250 writes 250 of them.
     */
    static void writeEpochSeconds(JsonGenerator json, Instant instant) throws IOException {
        long millis = instant.toEpochMilli();
        if (millis < 0) {
            json.writeNumber(epochSeconds(instant));
            return;
        }
        int fraction = (int) (millis % 1000);
        String digits = fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".";
        json.writeNumber(millis / 1000 + digits + fraction);
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

    /** What a streamed body writes: its whole JSON value, to {@code json}. */
    @FunctionalInterface
    interface Writer {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * A body written straight to the response's JSON generator rather than built as a tree first: a page of 250
     * certificates is some 70 KB, and building its tree cost about a third as much again as writing it.
     */
    static JsonSerializable streamed(Writer writer) {
        return new JsonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator json, SerializerProvider provider) throws IOException {
                writer.write(json);
            }

            @Override
            public void serializeWithType(JsonGenerator json, SerializerProvider provider, TypeSerializer type)
                    throws IOException {
                writer.write(json);
            }
        };
    }

    static byte[] bytes(JsonSerializable body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON body could not be written", e);
        }
    }
}
