package dev.certreg.core;

import java.util.List;

/**
 * A registered CA certificate. Immutable.
 *
 * @param scope the owning account and region
 * @param certificateId lowercase hex SHA-256 of the DER
 * @param certificatePem the PEM exactly as registered
 * @param subject the certificate's subject DN (RFC 2253), used to find the CA of a device certificate
 * @param status ACTIVE or INACTIVE
 * @param autoRegistrationStatus ENABLE or DISABLE
 * @param mode DEFAULT or SNI_ONLY
 * @param registrationConfig the JITP settings, or null
 * @param validity the X.509 validity period
 * @param audit creation and change bookkeeping
 * @param tags the tags given at registration
 */
public record CaCertificate(
        Scope scope,
        String certificateId,
        String certificatePem,
        String subject,
        CaCertificateStatus status,
        AutoRegistrationStatus autoRegistrationStatus,
        CertificateMode mode,
        RegistrationConfig registrationConfig,
        Validity validity,
        Audit audit,
        List<Tag> tags) {

    public CaCertificate {
        tags = List.copyOf(tags);
    }

    /** This CA's ARN. */
    public String arn() {
        return scope.caCertificateArn(certificateId);
    }
}
