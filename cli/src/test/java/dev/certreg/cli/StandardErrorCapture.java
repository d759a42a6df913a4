package dev.certreg.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Captures {@code System.err} during each test, for commands that report on standard error. */
final class StandardErrorCapture implements BeforeEachCallback, AfterEachCallback {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @Override
    public void beforeEach(ExtensionContext context) {
        captured.reset();
        original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setErr(original);
    }

    /** Forgets what was captured so far. */
    void clear() {
        captured.reset();
    }

    /** What the test wrote to standard error so far. */
    String text() {
        return captured.toString(StandardCharsets.UTF_8);
    }
}
