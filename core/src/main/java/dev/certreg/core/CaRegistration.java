package dev.certreg.core;

import java.util.List;

/**
 * A RegisterCACertificate request, checked against the model's types and lengths.
 *
 * @param caCertificatePem the CA certificate
 * @param verificationCertificatePem the proof-of-possession certificate, or null
 * @param setAsActive register as ACTIVE
 * @param allowAutoRegistration enable auto-registration
 * @param registrationConfig the JITP settings, or null
 * @param tags the tags, never null
 * @param mode the requested mode, or null for DEFAULT
 */
public record CaRegistration(
        String caCertificatePem,
        String verificationCertificatePem,
        boolean setAsActive,
        boolean allowAutoRegistration,
        RegistrationConfig registrationConfig,
        List<Tag> tags,
        CertificateMode mode) {}
