package dev.certreg.core;

import dev.certreg.core.x509.ParsedCertificate;
import java.time.Instant;

/** The checks every registered certificate, CA or device, must pass. */
final class RegistrationChecks {
    private RegistrationChecks() {}

    /** A certificate is registered only within its validity period. */
    static void validAt(ParsedCertificate certificate, String what, Instant now) {
        Validity validity = certificate.validity();
        if (!validity.contains(now)) {
            throw ServiceException.certificateValidation("The " + what + " is not valid at " + now
                    + " (valid from " + validity.notBefore() + " to " + validity.notAfter() + ")");
        }
    }

    /**
     * The checks of a device certificate's own content, whoever registers it: RegisterCertificate(WithoutCA),
     * just-in-time registration, bulk import. A supported key and signature algorithm, and valid at {@code now}.
     */
    static void device(ParsedCertificate device, Instant now) {
        supportedKey(device, "certificate");
        if (!device.hasSupportedSignatureAlgorithm()) {
            throw ServiceException.certificateValidation(
                    "The certificate's signature algorithm " + device.signatureAlgorithm() + " is not supported");
        }
        validAt(device, "certificate", now);
    }

    /** Only the keys the registry accepts: RSA of 2048 to 4096 bits, EC on P-256, P-384 or P-521. */
    static void supportedKey(ParsedCertificate certificate, String what) {
        if (!certificate.hasSupportedKey()) {
            throw ServiceException.certificateValidation("The " + what + "'s " + certificate.keyAlgorithm()
                    + " key is not supported: use RSA of 2048 to 4096 bits with a public exponent of at most 256 bits,"
                    + " or EC P-256, P-384 or P-521");
        }
    }
}
