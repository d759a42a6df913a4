package dev.certreg.core;

/**
 * An UpdateCACertificate request. Null members are left unchanged.
 *
 * @param newStatus the new status, or null
 * @param newAutoRegistrationStatus the new auto-registration status, or null
 * @param registrationConfig a new registration config, or null
 * @param removeAutoRegistration clear the registration config
 */
public record CaUpdate(
        CaCertificateStatus newStatus,
        AutoRegistrationStatus newAutoRegistrationStatus,
        RegistrationConfig registrationConfig,
        boolean removeAutoRegistration) {}
