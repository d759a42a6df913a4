package dev.certreg.server.sigv4;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/** The {@code X-Amz-Date} format, {@code yyyyMMdd'T'HHmmss'Z'} in UTC, both ways. Thread-safe. */
final class AmzDate {
    private static final Pattern SHAPE = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withResolverStyle(ResolverStyle.STRICT)
            .withZone(ZoneOffset.UTC);

    private AmzDate() {}

    /** The instant {@code value} names, or null if it is not a valid date in this format. */
    static Instant parse(String value) {
        if (!SHAPE.matcher(value).matches()) {
            return null;
        }
        try {
            return Instant.from(FORMAT.parse(value));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code instant} in this format, to the second. */
    static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
