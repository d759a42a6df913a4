package dev.certreg.cli;

import dev.certreg.core.x509.IssuingCa;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The issuing CA of a data directory that has none yet. A new CA is an RSA-2048 key, some 0.3 s of CPU on a small
 * machine, which a first start would otherwise spend before it answers: it is made on a thread of its own once the
 * server answers ({@link #makeBeside}), or by the first CreateKeysAndCertificate or CreateCertificateFromCsr that
 * comes sooner, which then waits for it. Either way it is written to {@code issuing-ca.pem} as {@link IssuingCaFile}
 * does, and a server that stops waits for that write ({@link #awaitWritten}), so the file is there after any start.
 */
final class FirstIssuingCa implements Supplier<IssuingCa> {
    private static final Logger LOG = LoggerFactory.getLogger(FirstIssuingCa.class);

    private final Path dataDir;
    private final Clock clock;
    private final FutureTask<IssuingCa> made;
    private volatile boolean begun;

    FirstIssuingCa(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.made = new FutureTask<>(() -> IssuingCaFile.load(dataDir, clock));
    }

    /** Makes the CA on a daemon thread of its own, unless a caller already has. */
    void makeBeside() {
        begun = true;
        Thread thread = new Thread(made, "certreg-issuing-ca");
        thread.setDaemon(true);
        thread.start();
    }

    /** The CA; makes it here if no thread has begun to. After a failed attempt, each call tries again. */
    @Override
    public IssuingCa get() {
        begun = true;
        made.run();
        try {
            return made.get();
        } catch (ExecutionException e) {
            try {
                return IssuingCaFile.load(dataDir, clock);
            } catch (IOException again) {
                throw new UncheckedIOException("cannot create the issuing CA in " + file(), again);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the issuing CA was being made", e);
        }
    }

    /** Waits up to {@code bound} for a CA being made to be written, if one is; logs a failure to write it. */
    void awaitWritten(Duration bound) {
        if (!begun) {
            return;
        }
        try {
            made.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (Files.exists(file())) {
                return; // a later call made it
            }
            LOG.atWarn().addKeyValue("file", file()).setCause(e.getCause())
                    .log("the issuing CA could not be written; the first certificate issued will try again");
        } catch (TimeoutException e) {
            LOG.atWarn().addKeyValue("file", file()).log("the issuing CA was still being made when the server stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path file() {
        return dataDir.resolve(IssuingCaFile.FILE_NAME);
    }
}
