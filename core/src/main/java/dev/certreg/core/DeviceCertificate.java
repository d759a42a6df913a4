package dev.certreg.core;

/**
 * A registered device certificate. Immutable.
 *
 * @param scope the owning account and region
 * @param certificateId lowercase hex SHA-256 of the DER
 * @param certificatePem the PEM exactly as registered
 * @param caCertificateId the id of the CA it was registered under, or null
 * @param status the certificate status
 * @param mode DEFAULT or SNI_ONLY
 * @param validity the X.509 validity period
 * @param audit creation and change bookkeeping
 * @param transfer transfer bookkeeping; {@link TransferData#NONE} when it was never transferred
 */
public record DeviceCertificate(
        Scope scope,
        String certificateId,
        String certificatePem,
        String caCertificateId,
        CertificateStatus status,
        CertificateMode mode,
        Validity validity,
        Audit audit,
        TransferData transfer) {

    /** A certificate that was never transferred. */
    public DeviceCertificate(Scope scope, String certificateId, String certificatePem, String caCertificateId,
            CertificateStatus status, CertificateMode mode, Validity validity, Audit audit) {
        this(scope, certificateId, certificatePem, caCertificateId, status, mode, validity, audit, TransferData.NONE);
    }

    /** This certificate changed at {@code audit} into {@code status} with {@code transfer}, owned by {@code owner}. */
    public DeviceCertificate changed(Scope owner, CertificateStatus status, TransferData transfer, Audit audit) {
        return new DeviceCertificate(owner, certificateId, certificatePem, caCertificateId, status, mode, validity,
                audit, transfer);
    }

    /** This certificate's ARN. */
    public String arn() {
        return scope.certificateArn(certificateId);
    }
}
