package dev.certreg.core.policy;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value computed on first use and kept: {@link #get()} runs the computation at most once per thread that races to
 * it first, and every caller sees one of the results. For values that are pure functions of what they were built
 * from. Thread-safe.
 */
final class ReadOnce<T> implements Supplier<T> {
    private final Supplier<T> computation;
    private volatile @Nullable T value;

    ReadOnce(Supplier<T> computation) {
        this.computation = Objects.requireNonNull(computation, "computation");
    }

    @Override
    public T get() {
        T read = value;
        if (read == null) {
            read = Objects.requireNonNull(computation.get(), "computed value");
            value = read;
        }
        return read;
    }
}
