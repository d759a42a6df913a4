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

    /** Refused in the TLS handshake; {@code reason} says why, for the log. */
    record Refused(String certificateId, String reason) implements Admission {}
}
