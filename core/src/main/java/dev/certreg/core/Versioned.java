package dev.certreg.core;

import dev.certreg.protocol.ErrorCode;
import java.util.function.BooleanSupplier;

/** Runs a read-check-write against the store until its conditional write lands. */
final class Versioned {
    /** How many times a change is tried before the caller is told to retry later. */
    static final int ATTEMPTS = 16;

    private Versioned() {}

    /** Repeats {@code attempt} (which re-reads and re-checks) until it reports that its conditional write applied. */
    static void retry(BooleanSupplier attempt) {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (attempt.getAsBoolean()) {
                return;
            }
        }
        throw new ServiceException(ErrorCode.SERVICE_UNAVAILABLE,
                "The certificate is being changed by other requests; retry");
    }
}
