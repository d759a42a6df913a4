package dev.certreg.cli;

import dev.certreg.core.Audits;
import dev.certreg.core.CaCertificate;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.DeviceCertificateService;
import dev.certreg.core.DeviceRegistration;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.RegistrationOutcome;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.core.x509.X509Codec;
import dev.certreg.protocol.ErrorCode;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code certreg import}: registers every certificate found in files or directories straight into the SQLite store
 * of a data directory, through the same {@link DeviceCertificateService} as RegisterCertificate, so the same checks
 * apply. A file that fails is reported and the run goes on. Certificates are registered in batches
 * ({@link DeviceCertificateService#registerAll}), one store transaction each, checked on every core at once.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Register every certificate in PEM files, bundles, DER files or directories into the store of"
                + " a data directory, with RegisterCertificate's checks. Exit status 0 if every certificate is"
                + " registered (or already was), 1 otherwise.")
final class ImportCommand implements Callable<Integer> {
    /** Certificates registered in one store transaction: enough that a commit costs little per certificate. */
    private static final int BATCH = 500;
    /**
     * Batches checked at once: parsing and signature checks take most of the time, so one a core, and one more to
     * keep the cores busy while a batch waits for its commit.
     */
    private static final int WORKERS = Runtime.getRuntime().availableProcessors() + 1;
    /** Batches read ahead of the workers, which bounds memory whatever the size of the input. */
    private static final int QUEUED = 2 * WORKERS;

    @Option(names = "--data-dir", defaultValue = "${env:CERTREG_DATA_DIR:-data}",
            description = "The data directory whose SQLite store receives the certificates (default:"
                    + " $CERTREG_DATA_DIR, else ./data).")
    Path dataDir;

    @ArgGroup(exclusive = true)
    CaChoice ca = new CaChoice();

    @Option(names = "--account", defaultValue = Scope.DEFAULT_ACCOUNT, description = "The owning account"
            + " (default: ${DEFAULT-VALUE}).")
    String account;

    @Option(names = "--region", defaultValue = "us-east-1", description = "The region (default: ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--status", defaultValue = "ACTIVE", paramLabel = "ACTIVE|INACTIVE|REVOKED",
            description = "The status given to each certificate (default: ${DEFAULT-VALUE}).")
    CertificateStatus status;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "PEM or DER files, bundles or directories.")
    List<Path> paths;

    /** Under which CA certificates are registered. */
    static final class CaChoice {
        @Option(names = "--ca-certificate-id", paramLabel = "ID",
                description = "Register every certificate under this registered CA (each must be signed by it).")
        String caCertificateId;

        @Option(names = "--without-ca", description = "Register as RegisterCertificateWithoutCA does (SNI_ONLY).")
        boolean withoutCa;
    }

    @Override
    public Integer call() throws Exception {
        Clock clock = Clock.systemUTC();
        Scope scope = new Scope(account, region);
        List<Path> files;
        byte[] secret;
        try {
            files = CertificateFiles.list(paths);
            Files.createDirectories(dataDir);
            secret = MarkerSecret.load(dataDir, System.getenv("CERTREG_MARKER_SECRET"));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("certreg: " + StartupFailure.rootMessage(e));
            return 1;
        }
        try (CertificateStore store = SqliteCertificateStore.open(dataDir)) {
            DeviceCertificateService service = new DeviceCertificateService(store, new X509Codec(),
                    new CertificateLists(new MarkerCodec(secret)), Audits.of(clock));
            String caPem = null;
            if (ca.caCertificateId != null) {
                CaCertificate named = store.findCaCertificate(scope, ca.caCertificateId).orElse(null);
                if (named == null) {
                    System.err.println("certreg: CA certificate " + ca.caCertificateId + " is not registered in "
                            + account + " " + region);
                    return 1;
                }
                caPem = named.certificatePem();
            }
            return run(files, service, scope, caPem, clock);
        }
    }

    // On Java 17, the release this is built for, System.console() is null exactly when the output is not a terminal.
    @SuppressWarnings("SystemConsoleNull")
    private int run(List<Path> files, DeviceCertificateService service, Scope scope, String caPem, Clock clock)
            throws InterruptedException {
        ImportProgress progress = ImportProgress.to(System.out, System.console() != null, files.size(), clock);
        Tally tally = new Tally();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        Semaphore queued = new Semaphore(QUEUED);
        try {
            Batch batch = new Batch();
            for (Path file : files) {
                batch = readFile(file, caPem, batch, tally, pending -> submit(pending, service, scope, workers,
                        queued, tally));
                progress.fileDone(tally.registered.get() + tally.existing.get());
            }
            submit(batch, service, scope, workers, queued, tally);
        } finally {
            workers.shutdown();
            workers.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
        progress.finish(tally.registered.get() + tally.existing.get());
        tally.report(System.out, System.err, progress.seconds());
        return tally.failed.get() == 0 && tally.failedFiles.get() == 0 ? 0 : 1;
    }

    /** Adds the certificates of {@code file} to {@code batch}, handing each full batch on; returns the one to fill. */
    private Batch readFile(Path file, String caPem, Batch batch, Tally tally, BatchSink full)
            throws InterruptedException {
        List<String> pems;
        try {
            pems = CertificateFiles.read(file);
        } catch (IOException e) {
            tally.fileFailed(file + ": cannot read: " + StartupFailure.rootMessage(e));
            return batch;
        }
        if (pems.isEmpty()) {
            tally.fileFailed(file + ": no certificate found");
            return batch;
        }
        Batch filling = batch;
        for (int i = 0; i < pems.size(); i++) {
            filling.add(pems.size() == 1 ? file.toString() : file + " #" + (i + 1),
                    new DeviceRegistration(pems.get(i), caPem, null, status));
            if (filling.size() == BATCH) {
                full.accept(filling);
                filling = new Batch();
            }
        }
        return filling;
    }

    /** Registers {@code batch} on a worker; waits first while {@link #QUEUED} batches are waiting for one. */
    private void submit(Batch batch, DeviceCertificateService service, Scope scope, ExecutorService workers,
            Semaphore queued, Tally tally) throws InterruptedException {
        if (batch.size() == 0) {
            return;
        }
        queued.acquire();
        workers.execute(() -> {
            try {
                tally.count(batch, () -> service.registerAll(scope, batch.requests, ca.withoutCa));
            } finally {
                queued.release();
            }
        });
    }

    @FunctionalInterface
    private interface BatchSink {
        void accept(Batch batch) throws InterruptedException;
    }

    /** Certificates registered together, each with where it was found. Not thread-safe. */
    private static final class Batch {
        final List<String> places = new ArrayList<>(BATCH);
        final List<DeviceRegistration> requests = new ArrayList<>(BATCH);

        void add(String place, DeviceRegistration request) {
            places.add(place);
            requests.add(request);
        }

        int size() {
            return requests.size();
        }
    }

    /** What happened to each certificate; thread-safe. */
    private static final class Tally {
        final AtomicLong registered = new AtomicLong();
        final AtomicLong existing = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong failedFiles = new AtomicLong();
        private final List<String> errors = new ArrayList<>();

        void count(Batch batch, Supplier<List<RegistrationOutcome>> registration) {
            List<RegistrationOutcome> outcomes;
            try {
                outcomes = registration.get();
            } catch (RuntimeException e) {
                failed.addAndGet(batch.size());
                String why = e instanceof ServiceException s ? s.errorCode().wireName() + ": " + s.getMessage()
                        : StartupFailure.rootMessage(e);
                batch.places.forEach(where -> error(where + ": " + why));
                return;
            }
            for (int i = 0; i < outcomes.size(); i++) {
                count(batch.places.get(i), outcomes.get(i));
            }
        }

        private void count(String where, RegistrationOutcome outcome) {
            ServiceException e = outcome.failure();
            if (e == null) {
                registered.incrementAndGet();
            } else if (e.errorCode() == ErrorCode.RESOURCE_ALREADY_EXISTS) {
                existing.incrementAndGet();
            } else {
                failed.incrementAndGet();
                error(where + ": " + e.errorCode().wireName() + ": " + e.getMessage());
            }
        }

        void fileFailed(String message) {
            failedFiles.incrementAndGet();
            error(message);
        }

        private synchronized void error(String message) {
            errors.add(message);
        }

        synchronized void report(PrintStream out, PrintStream err, double seconds) {
            errors.forEach(e -> err.println("certreg: " + e));
            long imported = registered.get() + existing.get();
            out.printf("imported %d certificates in %.1f s (%.0f certificates/s): %d registered, %d already"
                    + " registered, %d failed, %d files without a usable certificate%n", imported, seconds,
                    seconds > 0 ? imported / seconds : 0.0, registered.get(), existing.get(), failed.get(),
                    failedFiles.get());
        }
    }
}
