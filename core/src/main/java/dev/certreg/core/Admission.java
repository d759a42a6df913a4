package dev.certreg.core;

/**
 * What the device endpoint does with a presented client certificate: the outcome of {@link DeviceAdmission}.
 * Immutable.
 */
public sealed interface Admission {
    /** The presented certificate's id (lowercase hex SHA-256 of its DER). */
    String certificateId();

    /** Registered, ACTIVE and within its validity: the connection acts as {@code certificate.scope()}. */
    record Admitted(DeviceCertificate certificate) implements Admission {
        @Override
        public String certificateId() {
            return certificate.certificateId();
        }
    }

    /**
     * Registered PENDING_ACTIVATION: the TLS handshake completes, and on CONNECT the registration event is published
     * again and the connection closed.
     */
    record PendingActivation(DeviceCertificate certificate) implements Admission {
        @Override
        public String certificateId() {
            return certificate.certificateId();
        }
    }

    /**
     * Not registered, but signed by a registered, ACTIVE CA that allows auto-registration: on CONNECT the
     * certificate is registered PENDING_ACTIVATION under {@code ca} in the CA owner's account.
     */
    record AutoRegister(String certificateId, String certificatePem, CaCertificate ca) implements Admission {}

    /** Refused in the TLS handshake; {@code refusal} says why in a word, {@code reason} in a sentence for the log. */
    record Refused(String certificateId, Refusal refusal, String reason) implements Admission {}

    /** The kinds of refusal: few and fixed, so that they can be counted apart. */
    enum Refusal {
        /** The client presented no certificate. */
        NO_CERTIFICATE,
        /** The presented certificate does not parse as a DER X.509 certificate. */
        MALFORMED,
        /** Not registered, and no registered CA in the presented chain signed it. */
        UNKNOWN,
        /** Registered, but INACTIVE, REVOKED or PENDING_TRANSFER. */
        NOT_ACTIVE,
        /** Registered and ACTIVE, but outside its validity period. */
        NOT_VALID,
        /** Registered (or its CA is) only in accounts other than the one the SNI host names. */
        OTHER_ACCOUNT,
        /** Not registered, and its CA is INACTIVE or does not allow auto-registration. */
        NO_AUTO_REGISTRATION,
        /** Not registered, and RegisterCertificate's rules refuse to register it. */
        NOT_REGISTRABLE
    }
}
