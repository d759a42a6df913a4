package dev.certreg.core;

import dev.certreg.core.x509.ParsedCertificate;
import java.time.Instant;

/** The registration-time validity rule: a certificate is registered only within its validity period. */
final class Validities {
    private Validities() {}

    static void check(ParsedCertificate certificate, String what, Instant now) {
        Validity validity = certificate.validity();
        if (!validity.contains(now)) {
            throw ServiceException.certificateValidation("The " + what + " is not valid at " + now
                    + " (valid from " + validity.notBefore() + " to " + validity.notAfter() + ")");
        }
    }
}
