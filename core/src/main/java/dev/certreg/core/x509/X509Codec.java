package dev.certreg.core.x509;

import dev.certreg.core.ServiceException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Turns a PEM text into a {@link ParsedCertificate}, or refuses it with CertificateValidationException.
 *
 * <p>Exactly one {@code CERTIFICATE} block is accepted; text around it is ignored, as OpenSSL does. Thread-safe.
 */
public final class X509Codec {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*)-----END CERTIFICATE-----");

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
            return new ParsedCertificate(der, certificate, provider);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof ServiceException serviceException) {
                throw serviceException;
            }
            throw ServiceException.certificateValidation("The " + what + " is not a valid X.509 certificate");
        }
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
