package dev.certreg.core;

/** The status of a device certificate, as the API spells it. */
public enum CertificateStatus {
    ACTIVE,
    INACTIVE,
    REVOKED,
    PENDING_TRANSFER,
    REGISTER_INACTIVE,
    PENDING_ACTIVATION;

    /** Whether a caller may ask for this status (registration or UpdateCertificate). */
    public boolean isRequestable() {
        return this == ACTIVE || this == INACTIVE || this == REVOKED;
    }
}
