package dev.certreg.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certreg.protocol.ErrorCode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VersionedTest {
    @Test
    void aWriteThatNeverLandsIsTriedAFixedNumberOfTimesThenAnswersServiceUnavailable() {
        AtomicInteger attempts = new AtomicInteger();
        ServiceException refusal = catchThrowableOfType(ServiceException.class,
                () -> Versioned.retry(() -> attempts.incrementAndGet() < 0));
        assertThat(refusal).as("refusal").isNotNull().hasMessageContaining("retry");
        assertThat(refusal.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(refusal.errorCode().httpStatus()).isEqualTo(503);
        assertThat(attempts).hasValue(Versioned.ATTEMPTS);
    }

    @Test
    void theLastAllowedAttemptStillLands() {
        AtomicInteger attempts = new AtomicInteger();
        Versioned.retry(() -> attempts.incrementAndGet() == Versioned.ATTEMPTS);
        assertThat(attempts).hasValue(Versioned.ATTEMPTS);
    }

    @Test
    void aWriteThatLandsIsNotTriedAgain() {
        AtomicInteger attempts = new AtomicInteger();
        Versioned.retry(() -> attempts.incrementAndGet() > 0);
        assertThat(attempts).hasValue(1);
    }
}
