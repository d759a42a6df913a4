package dev.certreg.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that tests move by hand; it advances one millisecond per reading so creation times stay distinct. */
public final class MutableClock extends Clock {
    private final AtomicLong millis;
    private final long step;

    private MutableClock(Instant start, long stepMillis) {
        this.millis = new AtomicLong(start.toEpochMilli());
        this.step = stepMillis;
    }

    /** A clock that starts now and ticks one millisecond per reading. */
    public static MutableClock ticking() {
        return new MutableClock(Instant.now(), 1);
    }

    /** A clock frozen at {@code instant} until moved. */
    public static MutableClock frozenAt(Instant instant) {
        return new MutableClock(instant, 0);
    }

    public void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("MutableClock is UTC only");
    }

    @Override
    public long millis() {
        return millis.getAndAdd(step);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
