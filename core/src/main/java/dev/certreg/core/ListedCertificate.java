package dev.certreg.core;

import java.time.Instant;

/**
 * One item of a certificate list: what an index range read returns, no more.
 *
 * @param certificateId the certificate id
 * @param status the status name (a {@link CertificateStatus} or {@link CaCertificateStatus} name)
 * @param mode the certificate mode
 * @param creationDate the registration time
 */
public record ListedCertificate(String certificateId, String status, CertificateMode mode, Instant creationDate) {
    /** This item's position in the list order. */
    public PageKey key() {
        return new PageKey(creationDate.toEpochMilli(), certificateId);
    }
}
