package dev.certreg.core;

/**
 * What became of one certificate of a bulk registration ({@link DeviceCertificateService#registerAll}): exactly one
 * of the two is set.
 *
 * @param registered the registration, if the certificate was registered
 * @param failure why it was not, as RegisterCertificate would have answered it alone
 */
public record RegistrationOutcome(Registered registered, ServiceException failure) {
    public RegistrationOutcome {
        if ((registered == null) == (failure == null)) {
            throw new IllegalArgumentException("An outcome is either a registration or a failure");
        }
    }

    static RegistrationOutcome of(Registered registered) {
        return new RegistrationOutcome(registered, null);
    }

    static RegistrationOutcome of(ServiceException failure) {
        return new RegistrationOutcome(null, failure);
    }
}
