package dev.certreg.core;

/**
 * A resource tag.
 *
 * @param key the tag key, never null
 * @param value the tag value, may be null
 */
public record Tag(String key, String value) {}
