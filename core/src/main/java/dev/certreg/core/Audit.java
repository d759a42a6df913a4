package dev.certreg.core;

import java.time.Instant;

/**
 * Creation and change bookkeeping shared by CA and device certificates.
 *
 * @param creationDate when the certificate was registered (millisecond precision)
 * @param lastModifiedDate when it last changed
 * @param customerVersion 1 at registration, incremented on every change
 * @param generationId a UUID renewed on every change
 */
public record Audit(Instant creationDate, Instant lastModifiedDate, int customerVersion, String generationId) {
    /** The bookkeeping of a certificate registered at {@code now}. */
    public static Audit created(Instant now, String generationId) {
        return new Audit(now, now, 1, generationId);
    }

    /** The bookkeeping after a change at {@code now}. */
    public Audit changed(Instant now, String newGenerationId) {
        return new Audit(creationDate, now, customerVersion + 1, newGenerationId);
    }
}
