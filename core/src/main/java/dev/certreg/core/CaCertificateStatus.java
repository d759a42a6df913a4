package dev.certreg.core;

/** The status of a CA certificate. */
public enum CaCertificateStatus {
    ACTIVE,
    INACTIVE
}
