package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RequestObserverTest {
    @Test
    void latencyIsWrittenAsStringFormatWouldWriteIt() {
        for (long nanos : new long[] {0, 4_999, 5_000, 99_999, 1_000_000, 1_234_567, 9_995_000, 123_456_789_012L}) {
            assertThat(RequestObserver.milliseconds(Duration.ofNanos(nanos))).as("%d ns", nanos)
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", nanos / 1e6));
        }
    }
}
