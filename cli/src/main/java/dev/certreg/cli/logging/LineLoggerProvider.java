package dev.certreg.cli.logging;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of the {@code certreg} command, found through {@code META-INF/services}. slf4j-simple, used
 * before, cannot write JSON; this writes the same text lines, or JSON ones once {@link #use(LogFormat)} says so.
 * Libraries log at WARN and above (Jetty, Flyway and HikariCP are chatty at INFO); certreg's own loggers at INFO.
 * Moquette's copies of device refusals that the device endpoint logs itself are dropped ({@link BrokerLines}).
 * Thread-safe.
 */
public final class LineLoggerProvider implements SLF4JServiceProvider {
    private static volatile LogFormat format = LogFormat.TEXT;

    private final Map<String, LineLogger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory =
            name -> loggers.computeIfAbsent(name, n -> new LineLogger(n, threshold(n), LineLoggerProvider::write));
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new BasicMDCAdapter();

    /** Writes every later line in {@code logFormat}. */
    public static void use(LogFormat logFormat) {
        format = logFormat;
    }

    private static Level threshold(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("dev.certreg") || lower.startsWith("certreg") ? Level.INFO : Level.WARN;
    }

    private static void write(LogLine logged) {
        LogLine line = BrokerLines.quieted(logged);
        if (line == null) {
            return;
        }
        PrintStream err = System.err;
        String text = format == LogFormat.JSON ? line.json() : line.text();
        synchronized (err) {
            err.println(text);
            err.flush();
        }
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: loggers are made on first use.
    }
}
