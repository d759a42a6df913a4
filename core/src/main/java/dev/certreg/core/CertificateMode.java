package dev.certreg.core;

/** How devices present a certificate: {@code DEFAULT} (CA registered with proof of possession) or {@code SNI_ONLY}. */
public enum CertificateMode {
    DEFAULT,
    SNI_ONLY
}
