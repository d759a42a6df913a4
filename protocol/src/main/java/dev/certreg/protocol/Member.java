package dev.certreg.protocol;

import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One member of an operation's input as the AWS IoT model describes it: where it travels, under which name, and
 * the constraints on its value. The constants live in {@link Members}. Immutable and thread-safe.
 *
 * @param name the member's name in the model
 * @param location where it travels
 * @param wireName its name there: the path label, query parameter, header or JSON member
 * @param type the model's type of its shape
 * @param required whether the model requires it
 * @param min the least length (strings, lists) or value (numbers)
 * @param max the greatest length (strings, lists) or value (numbers)
 * @param pattern the model's pattern for strings, or null
 * @param values the enum values for strings, or empty
 */
public record Member(String name, Location location, String wireName, Type type, boolean required, long min,
        long max, @Nullable Pattern pattern, List<String> values) {

    /** Where a member travels in a REST-JSON request. */
    public enum Location {
        URI,
        QUERYSTRING,
        HEADER,
        BODY
    }

    /** The type of a member's shape. */
    public enum Type {
        STRING,
        INTEGER,
        LONG,
        BOOLEAN,
        STRUCTURE,
        LIST,
        MAP,
        TIMESTAMP,
        BLOB
    }
}
