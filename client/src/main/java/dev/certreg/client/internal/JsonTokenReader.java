package dev.certreg.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Reads a botocore NextToken once it is decoded to a JSON object: {@code marker} (a string, {@code null} or botocore's
 * {@code "None"}) and an optional {@code boto_truncate_amount}. Anything else is refused with the token named,
 * where botocore would send it to the service as a parameter or fail with a Python {@code TypeError}.
 */
final class JsonTokenReader {
    static final String MARKER = "marker";
    static final String TRUNCATE_AMOUNT = "boto_truncate_amount";

    private JsonTokenReader() {}

    /** The resume point of {@code token}, whose decoded form is the JSON object {@code json}. */
    static ResumePoint read(String token, JsonNode json) {
        rejectUnknownKeys(token, json);
        return new ResumePoint(marker(token, json.get(MARKER)), skip(token, json.get(TRUNCATE_AMOUNT)));
    }

    private static void rejectUnknownKeys(String token, JsonNode json) {
        for (Iterator<String> keys = json.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (key.equals("boto_encoded_keys")) {
                throw NextTokenCodec.invalid(token, "boto_encoded_keys (bytes-valued tokens) is not supported");
            }
            if (!key.equals(MARKER) && !key.equals(TRUNCATE_AMOUNT)) {
                throw NextTokenCodec.invalid(token, "unknown key \"" + key
                        + "\"; a token holds only \"marker\" and \"boto_truncate_amount\"");
            }
        }
    }

    private static String marker(String token, JsonNode value) {
        if (value == null || value.isNull() || (value.isTextual() && value.textValue().equals("None"))) {
            return null;
        }
        if (!value.isTextual() || value.textValue().isEmpty()) {
            throw NextTokenCodec.invalid(token, "\"marker\" must be a non-empty string or null, not " + value);
        }
        return value.textValue();
    }

    private static int skip(String token, JsonNode value) {
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw NextTokenCodec.invalid(
                    token, "\"boto_truncate_amount\" must be a non-negative integer, not " + value);
        }
        return value.intValue();
    }
}
