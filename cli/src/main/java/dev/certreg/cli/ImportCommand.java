package dev.certreg.cli;

import dev.certreg.core.Audits;
import dev.certreg.core.CaCertificate;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.DeviceCertificateService;
import dev.certreg.core.DeviceRegistration;
import dev.certreg.core.MarkerCodec;
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
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code certreg import}: registers every certificate found in files or directories straight into the SQLite store
 * of a data directory, through the same {@link DeviceCertificateService} as RegisterCertificate, so the same checks
 * apply. A file that fails is reported and the run goes on. Registrations run concurrently so that the store's group
 * commit writes many per fsync.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Register every certificate in PEM files, bundles, DER files or directories into the store of"
                + " a data directory, with RegisterCertificate's checks. Exit status 0 if every certificate is"
                + " registered (or already was), 1 otherwise.")
final class ImportCommand implements Callable<Integer> {
    /** Enough concurrent registrations to fill the store's group commits. */
    private static final int WORKERS = 64;
    /** Certificates read ahead of the workers, which bounds memory whatever the size of the input. */
    private static final int QUEUED = 4 * WORKERS;

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
            for (Path file : files) {
                importFile(file, service, scope, caPem, workers, queued, tally);
                progress.fileDone(tally.registered.get() + tally.existing.get());
            }
        } finally {
            workers.shutdown();
            workers.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
        progress.finish(tally.registered.get() + tally.existing.get());
        tally.report(System.out, System.err, progress.seconds());
        return tally.failed.get() == 0 && tally.failedFiles.get() == 0 ? 0 : 1;
    }

    /** Reads {@code file} and queues its certificates; returns once they are queued, not registered. */
    private void importFile(Path file, DeviceCertificateService service, Scope scope, String caPem,
            ExecutorService workers, Semaphore queued, Tally tally) throws InterruptedException {
        List<String> pems;
        try {
            pems = CertificateFiles.read(file);
        } catch (IOException e) {
            tally.fileFailed(file + ": cannot read: " + StartupFailure.rootMessage(e));
            return;
        }
        if (pems.isEmpty()) {
            tally.fileFailed(file + ": no certificate found");
            return;
        }
        for (int i = 0; i < pems.size(); i++) {
            String where = pems.size() == 1 ? file.toString() : file + " #" + (i + 1);
            String pem = pems.get(i);
            queued.acquire();
            workers.execute(() -> {
                try {
                    tally.count(where, () -> register(service, scope, caPem, pem));
                } finally {
                    queued.release();
                }
            });
        }
    }

    private void register(DeviceCertificateService service, Scope scope, String caPem, String pem) {
        DeviceRegistration request = new DeviceRegistration(pem, caPem, null, status);
        if (ca.withoutCa) {
            service.registerWithoutCa(scope, request);
        } else {
            service.register(scope, request);
        }
    }

    /** What happened to each certificate; thread-safe. */
    private static final class Tally {
        final AtomicLong registered = new AtomicLong();
        final AtomicLong existing = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong failedFiles = new AtomicLong();
        private final List<String> errors = new ArrayList<>();

        void count(String where, Runnable registration) {
            try {
                registration.run();
                registered.incrementAndGet();
            } catch (ServiceException e) {
                if (e.errorCode() == ErrorCode.RESOURCE_ALREADY_EXISTS) {
                    existing.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                    error(where + ": " + e.errorCode().wireName() + ": " + e.getMessage());
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                error(where + ": " + StartupFailure.rootMessage(e));
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
