package dev.certreg.server;

import java.util.Objects;

/**
 * One decoded query parameter, in the order it arrived.
 *
 * @param name the percent-decoded name, never empty
 * @param value the percent-decoded value, empty when the pair had no {@code =}
 */
public record QueryParameter(String name, String value) {
    public QueryParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
