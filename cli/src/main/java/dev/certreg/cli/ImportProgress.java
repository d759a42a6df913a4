package dev.certreg.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Locale;

/**
 * How far {@code certreg import} is: a bar redrawn in place on a terminal, else a plain line every tenth of the
 * files, so that logs of a non-interactive run stay short. Not thread-safe: one thread reports.
 */
final class ImportProgress {
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final int files;
    private final Clock clock;
    private final long started;
    private int done;

    private ImportProgress(PrintStream out, boolean terminal, int files, Clock clock) {
        this.out = out;
        this.terminal = terminal;
        this.files = files;
        this.clock = clock;
        this.started = clock.millis();
    }

    static ImportProgress to(PrintStream out, boolean terminal, int files, Clock clock) {
        return new ImportProgress(out, terminal, files, clock);
    }

    void fileDone(long certificates) {
        done++;
        if (terminal) {
            int filled = files == 0 ? WIDTH : (int) ((long) WIDTH * done / files);
            out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + line(certificates));
            out.flush();
        } else if (files < 10 || done % (files / 10) == 0) {
            out.println("progress: " + line(certificates));
        }
    }

    void finish(long certificates) {
        if (terminal) {
            out.println();
        }
    }

    double seconds() {
        return (clock.millis() - started) / 1000.0;
    }

    private String line(long certificates) {
        double seconds = seconds();
        return String.format(Locale.ROOT, "%d/%d files, %d certificates, %.0f/s", done, files, certificates,
                seconds > 0 ? certificates / seconds : 0.0);
    }
}
