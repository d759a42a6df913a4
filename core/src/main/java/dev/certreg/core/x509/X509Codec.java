package dev.certreg.core.x509;

import dev.certreg.core.ServiceException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

/**
 * Turns a PEM text into a {@link ParsedCertificate}, or refuses it with CertificateValidationException.
 *
 * <p>Exactly one {@code CERTIFICATE} block is accepted, in DER; explanatory text around it is ignored, as OpenSSL
 * does, but any other PEM block is refused. A certificate with a critical extension that RFC 5280 does not define is
 * refused: a validator must reject a critical extension it does not recognise (section 4.2), so such a certificate
 * could not authenticate anything. Thread-safe.
 */
public final class X509Codec {
    private static final int MAX_SERIAL_OCTETS = 20;
    /** The certificate extensions of RFC 5280 sections 4.2.1 and 4.2.2. */
    private static final Set<String> RFC_5280_EXTENSIONS = Set.of(
            "2.5.29.9", "2.5.29.14", "2.5.29.15", "2.5.29.17", "2.5.29.18", "2.5.29.19", "2.5.29.30",
            "2.5.29.31", "2.5.29.32", "2.5.29.33", "2.5.29.35", "2.5.29.36", "2.5.29.37", "2.5.29.46",
            "2.5.29.54", "1.3.6.1.5.5.7.1.1", "1.3.6.1.5.5.7.1.11");

    private final Provider provider = BouncyCastle.provider();

    /** Parses one PEM certificate; {@code what} names it in error messages ("CA certificate"). */
    public ParsedCertificate parse(String pem, String what) {
        byte[] der = decodePem(pem, what);
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", provider);
            X509Certificate certificate =
                    (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            if (certificate == null) {
                throw ServiceException.certificateValidation("The " + what + " is not a valid X.509 certificate");
            }
            checkSerialNumber(certificate, what);
            refuseUnknownCriticalExtensions(certificate, what);
            return new ParsedCertificate(der, certificate, provider);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof ServiceException serviceException) {
                throw serviceException;
            }
            throw ServiceException.certificateValidation("The " + what + " is not a valid X.509 certificate");
        }
    }

    private static void refuseUnknownCriticalExtensions(X509Certificate certificate, String what) {
        Set<String> critical = certificate.getCriticalExtensionOIDs();
        if (critical == null) {
            return;
        }
        critical.stream().filter(oid -> !RFC_5280_EXTENSIONS.contains(oid)).sorted().findFirst().ifPresent(oid -> {
            throw ServiceException.certificateValidation(
                    "The " + what + " has a critical extension " + oid + " that RFC 5280 does not define");
        });
    }

    private static byte[] decodePem(String pem, String what) {
        byte[] der = Pem.decodeSingle(pem, List.of("CERTIFICATE"), "The " + what,
                ServiceException::certificateValidation);
        if (!Der.isDer(der)) {
            // BER would give one certificate many ids: bytes after it, long-form lengths and the like.
            throw ServiceException.certificateValidation("The " + what
                    + " is not in DER: one X.509 certificate in the Distinguished Encoding Rules, nothing after it");
        }
        return der;
    }

    /** RFC 5280 section 4.1.2.2: a serial number is a positive integer of at most 20 octets. */
    private static void checkSerialNumber(X509Certificate certificate, String what) {
        BigInteger serial = certificate.getSerialNumber();
        if (serial.signum() <= 0 || serial.bitLength() / 8 + 1 > MAX_SERIAL_OCTETS) {
            throw ServiceException.certificateValidation("The " + what + "'s serial number must be a positive"
                    + " integer of at most " + MAX_SERIAL_OCTETS + " octets (RFC 5280 section 4.1.2.2)");
        }
    }
}
