package dev.certreg.server;

import dev.certreg.core.CertificateStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the store whether it answers, within a bound: a load balancer's probe must not hang for the pool's connection
 * timeout while the database is away. One check runs at a time; a probe that arrives while a check is still running
 * waits for that check. Thread-safe.
 */
final class ReadinessProbe implements AutoCloseable {
    private static final long BOUND_MS = 2_000;

    private final CertificateStore store;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "certreg-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Void> running = CompletableFuture.completedFuture(null);

    ReadinessProbe(CertificateStore store) {
        this.store = store;
    }

    /** Null if the store answered within the bound, else why not, in words fit for an unauthenticated caller. */
    String problem() {
        try {
            current().get(BOUND_MS, TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            return "the store did not answer within " + BOUND_MS + " ms";
        } catch (ExecutionException e) {
            return "the store failed to answer a query";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private synchronized CompletableFuture<Void> current() {
        if (running.isDone()) {
            running = CompletableFuture.runAsync(store::checkReady, checker);
        }
        return running;
    }

    @Override
    public void close() {
        checker.shutdownNow();
    }
}
