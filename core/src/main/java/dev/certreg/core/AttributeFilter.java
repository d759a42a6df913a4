package dev.certreg.core;

/**
 * ListThings' attribute filter (API reference: ListThings).
 *
 * @param name the attribute a listed thing must have
 * @param value the value it must have (or start with, when {@code prefix}); null for any value
 * @param prefix whether {@code value} is a prefix
 */
public record AttributeFilter(String name, String value, boolean prefix) {}
