package dev.certreg.cli;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * One piece of start-up work run on a thread of its own, beside the rest: on two cores, reading the server CA (and
 * the BouncyCastle classes it loads) beside opening the store takes its time off the start. Its failure is the
 * start's, rethrown by {@link #join} as it was thrown. Thread-safe.
 *
 * @param <T> what the work makes
 */
final class Beside<T> {
    /** Start-up work that may refuse to start. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws StartupFailure;
    }

    private final FutureTask<T> task;

    private Beside(FutureTask<T> task) {
        this.task = task;
    }

    /** Starts {@code work} on a daemon thread named {@code name}. */
    static <T> Beside<T> start(String name, Work<T> work) {
        FutureTask<T> task = new FutureTask<>(work::run);
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return new Beside<>(task);
    }

    /** Waits until the work has ended, however it ended: its outcome is for {@link #join} to report. */
    void settle() throws InterruptedException {
        abandon(made -> {});
    }

    /**
     * For a start that failed elsewhere: waits until the work has ended and, if it made something, lets
     * {@code release} undo it.
     */
    void abandon(Consumer<? super T> release) throws InterruptedException {
        T made;
        try {
            made = task.get();
        } catch (ExecutionException failed) {
            // Ended with nothing to undo; join reports the failure where the start asks for it.
            return;
        }
        release.accept(made);
    }

    /** What the work made, once it has; its StartupFailure, RuntimeException or Error if it failed. */
    T join() throws StartupFailure, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StartupFailure failure) {
                throw failure;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
