package dev.certreg.client.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a token the way botocore's {@code TokenDecoder} does: base64 (characters outside the alphabet are discarded,
 * as Python's non-validating decoder does; the rest must be correctly padded), then strict UTF-8, then one JSON value
 * with nothing after it. Whitespace and key order inside the JSON do not matter.
 */
final class Base64Json {
    private static final Pattern NOT_BASE64 = Pattern.compile("[^A-Za-z0-9+/=]");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Base64Json() {}

    /** The JSON value that {@code token} encodes, or empty if any step fails. */
    static Optional<JsonNode> parse(String token) {
        String data = NOT_BASE64.matcher(token).replaceAll("");
        if (data.length() % 4 != 0) {
            return Optional.empty();
        }
        try {
            return json(utf8(Base64.getDecoder().decode(data)));
        } catch (IllegalArgumentException | CharacterCodingException | JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static Optional<JsonNode> json(String text) throws JsonProcessingException {
        JsonNode node = JSON.readTree(text);
        return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }
}
