package dev.certreg.cli.logging;

/** How a log line is written. */
public enum LogFormat {
    /** {@code 2026-01-01T00:00:00.000Z INFO logger - message key=value ...}, for people. */
    TEXT,
    /** One JSON object per line: {@code time}, {@code level}, {@code logger}, {@code thread}, {@code message}, the
     * key-value pairs, and {@code exception} with its stack trace. For log collectors. */
    JSON
}
