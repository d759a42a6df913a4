package dev.certreg.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The time and the new generation ids that the services stamp on what they write, from one injected object, so a
 * test can fix both: {@code new Audits(clock, () -> "generation-" + n++)}. Times have millisecond precision, the
 * precision the stores keep, so a record reads back equal to what was written. Thread-safe if its clock and id
 * source are.
 */
public final class Audits {
    private final Clock clock;
    private final Supplier<String> ids;

    /** Audits that read {@code clock} and take each generation id from {@code ids}. */
    public Audits(Clock clock, Supplier<String> ids) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Audits that read {@code clock} and make random UUIDs, as AWS IoT's generation ids are. */
    public static Audits of(Clock clock) {
        return new Audits(clock, () -> UUID.randomUUID().toString());
    }

    /** The current time, in whole milliseconds. */
    public Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    /** The bookkeeping of a certificate registered at {@code now}, with a new generation id. */
    public Audit created(Instant now) {
        return Audit.created(now, ids.get());
    }

    /** The bookkeeping of a certificate registered now. */
    public Audit created() {
        return created(now());
    }

    /** {@code current} after a change at {@code now}, with a new generation id. */
    public Audit changed(Audit current, Instant now) {
        return current.changed(now, ids.get());
    }

    /** {@code current} after a change now. */
    public Audit changed(Audit current) {
        return changed(current, now());
    }
}
