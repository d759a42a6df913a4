package dev.certreg.core;

import java.time.Instant;

/**
 * The X.509 validity period of a certificate.
 *
 * @param notBefore the first instant the certificate is valid
 * @param notAfter the last instant the certificate is valid
 */
public record Validity(Instant notBefore, Instant notAfter) {
    /** Whether {@code now} lies within the period, both ends included. */
    public boolean contains(Instant now) {
        return !now.isBefore(notBefore) && !now.isAfter(notAfter);
    }
}
