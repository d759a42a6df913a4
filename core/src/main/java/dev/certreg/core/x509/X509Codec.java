package dev.certreg.core.x509;

import dev.certreg.core.ServiceException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Turns a PEM text into a {@link ParsedCertificate}, or refuses it with CertificateValidationException.
 *
 * <p>Exactly one {@code CERTIFICATE} block is accepted; text around it is ignored, as OpenSSL does. A certificate
 * with a critical extension that RFC 5280 does not define is refused: a validator must reject a critical extension it
 * does not recognise (section 4.2), so such a certificate could not authenticate anything. Thread-safe.
 */
public final class X509Codec {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*)-----END CERTIFICATE-----");
    /** The certificate extensions of RFC 5280 sections 4.2.1 and 4.2.2. */
    private static final Set<String> RFC_5280_EXTENSIONS = Set.of(
            "2.5.29.9", "2.5.29.14", "2.5.29.15", "2.5.29.17", "2.5.29.18", "2.5.29.19", "2.5.29.30",
            "2.5.29.31", "2.5.29.32", "2.5.29.33", "2.5.29.35", "2.5.29.36", "2.5.29.37", "2.5.29.46",
            "2.5.29.54", "1.3.6.1.5.5.7.1.1", "1.3.6.1.5.5.7.1.11");

    private final Provider provider = new BouncyCastleProvider();

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
        Matcher matcher = BLOCK.matcher(pem);
        if (!matcher.find()) {
            throw ServiceException.certificateValidation(
                    "The " + what + " is not a PEM-encoded certificate (no BEGIN/END CERTIFICATE block)");
        }
        String body = matcher.group(1);
        if (matcher.find()) {
            throw ServiceException.certificateValidation(
                    "The " + what + " holds more than one certificate; register them one by one");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(body);
            if (der.length == 0) {
                throw ServiceException.certificateValidation("The " + what + " PEM block is empty");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw ServiceException.certificateValidation("The " + what + " PEM block is not valid base64");
        }
    }
}
