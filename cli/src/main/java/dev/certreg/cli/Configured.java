package dev.certreg.cli;

/**
 * A component {@code serve} built from its options, and what the startup banner says of it.
 *
 * @param value the component
 * @param description one line for the banner
 */
record Configured<T>(T value, String description) {}
