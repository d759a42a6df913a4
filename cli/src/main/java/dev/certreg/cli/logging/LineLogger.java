package dev.certreg.cli.logging;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.Marker;
import org.slf4j.spi.LoggingEventAware;

/** One named logger: turns calls at or above its threshold into {@link LogLine}s for its sink. Thread-safe. */
final class LineLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;

    private final Level threshold;
    private final transient Consumer<LogLine> sink;

    LineLogger(String name, Level threshold, Consumer<LogLine> sink) {
        this.name = name;
        this.threshold = threshold;
        this.sink = sink;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold.toInt();
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
            Throwable throwable) {
        sink.accept(new LogLine(Instant.now(), level, name, Thread.currentThread().getName(),
                MessageFormatter.basicArrayFormat(pattern, arguments), List.of(), throwable));
    }

    /** The fluent API's events, which carry key-value pairs. */
    @Override
    public void log(LoggingEvent event) {
        if (!enabled(event.getLevel())) {
            return;
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        // The fluent API leaves the time stamp at 0.
        Instant time = event.getTimeStamp() == 0 ? Instant.now() : Instant.ofEpochMilli(event.getTimeStamp());
        sink.accept(new LogLine(time, event.getLevel(), name,
                Thread.currentThread().getName(),
                MessageFormatter.basicArrayFormat(event.getMessage(), event.getArgumentArray()), pairs,
                event.getThrowable()));
    }
}
