package dev.certreg.server.sigv4;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a signature is current (docs/sigv4-verifier.md "Time"): {@code X-Amz-Date} within five minutes of now either way,
 * both ends included; a presigned request from its date until its expiry, and never dated more than five minutes ahead.
 * Messages are AWS's, with times in {@code X-Amz-Date} form. Thread-safe.
 */
final class TimeWindow {
    static final Duration SKEW = Duration.ofMinutes(5);

    private TimeWindow() {}

    /** InvalidSignatureException unless {@code claim} is current at {@code clockInstant}. */
    static void check(SignatureClaim claim, Instant clockInstant) {
        Instant now = clockInstant.truncatedTo(ChronoUnit.SECONDS);
        Instant t = claim.time();
        if (t.isAfter(now.plus(SKEW))) {
            throw AuthFailures.invalid("Signature not yet current: " + claim.amzDate() + " is still later than "
                    + AmzDate.format(now.plus(SKEW)) + " (" + AmzDate.format(now) + " + 5 min.)");
        }
        if (claim.presigned() && now.isAfter(t.plus(claim.expires()))) {
            throw AuthFailures.invalid("Request has expired");
        }
        if (!claim.presigned() && t.isBefore(now.minus(SKEW))) {
            throw AuthFailures.invalid("Signature expired: " + claim.amzDate() + " is now earlier than "
                    + AmzDate.format(now.minus(SKEW)) + " (" + AmzDate.format(now) + " - 5 min.)");
        }
    }
}
