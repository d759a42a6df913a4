package dev.certreg.cli.output;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK response as botocore parses it and the AWS CLI prints it: a map of the model's member names in model order,
 * absent members left out, timestamps as epoch seconds (a {@code double}, which the CLI v1 prints as Python prints a
 * float), blobs as base64. Maps already in that layout, such as {@code FullResult.asMap()}, have their values
 * converted. Stateless and thread-safe.
 */
public final class ModelDocument {
    private ModelDocument() {}

    /**
     * The document of an SDK model object or a map of them.
     *
     * @throws IllegalArgumentException if {@code response} is neither
     */
    public static Map<String, Object> of(Object response) {
        if (response instanceof SdkPojo pojo) {
            return fields(pojo);
        }
        if (response instanceof Map<?, ?> map) {
            return entries(map);
        }
        throw new IllegalArgumentException("not an SDK model object or a map: " + response);
    }

    private static Map<String, Object> fields(SdkPojo pojo) {
        Map<String, Object> document = new LinkedHashMap<>();
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            if (isPresent(value)) {
                document.put(field.memberName(), value(value));
            }
        }
        return Collections.unmodifiableMap(document);
    }

    private static boolean isPresent(Object value) {
        return value != null && !(value instanceof SdkAutoConstructList) && !(value instanceof SdkAutoConstructMap);
    }

    private static Map<String, Object> entries(Map<?, ?> map) {
        Map<String, Object> document = new LinkedHashMap<>();
        map.forEach((key, value) -> document.put(String.valueOf(key), value(value)));
        return Collections.unmodifiableMap(document);
    }

    private static Object value(Object value) {
        if (value instanceof SdkPojo pojo) {
            return fields(pojo);
        }
        if (value instanceof Map<?, ?> map) {
            return entries(map);
        }
        if (value instanceof List<?> list) {
            List<Object> values = new ArrayList<>(list.size());
            list.forEach(element -> values.add(value(element)));
            return Collections.unmodifiableList(values);
        }
        if (value instanceof Instant instant) {
            return epochSeconds(instant);
        }
        if (value instanceof SdkBytes bytes) {
            return Base64.getEncoder().encodeToString(bytes.asByteArray());
        }
        return value;
    }

    /** The double nearest to the instant's exact epoch seconds, as Python's {@code float()} of the wire number. */
    static double epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9))
                .doubleValue();
    }
}
