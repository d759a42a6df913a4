/**
 * The logging backend of the {@code certreg} command: SLF4J lines on standard error, as text or as one JSON object
 * per line ({@code certreg serve --log-format json}). Key-value pairs given through SLF4J's fluent API become
 * {@code key=value} words or JSON fields.
 */
package dev.certreg.cli.logging;
