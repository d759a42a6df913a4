package dev.certreg.core.x509;

import dev.certreg.core.ServiceException;
import java.io.IOException;
import java.security.Provider;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads a PKCS#10 certificate signing request and yields its key, or refuses it with InvalidRequestException (the
 * only error CreateCertificateFromCsr models): it must be one PEM block in DER, parse, its self-signature must verify,
 * and its key must be one AWS IoT accepts. Thread-safe.
 */
public final class CsrCodec {
    /** The JDK's providers cannot build an EC key from a bare SubjectPublicKeyInfo; BouncyCastle can. */
    private final Provider provider = BouncyCastle.provider();

    /** The subject key of a valid CSR in PEM. */
    public SubjectPublicKeyInfo subjectKey(String pem) {
        PKCS10CertificationRequest csr = parse(pem);
        // The key first: verifying with a chosen oversized RSA key is what the bound prevents.
        if (!SupportedKeys.isSupported(csr.getSubjectPublicKeyInfo())) {
            throw ServiceException.invalidRequest("The certificate signing request's key must be RSA of 2048 to 4096"
                    + " bits with a public exponent of at most 256 bits, or EC on P-256, P-384 or P-521");
        }
        if (!isSelfSigned(csr)) {
            throw ServiceException.invalidRequest("The certificate signing request's signature does not verify");
        }
        return csr.getSubjectPublicKeyInfo();
    }

    private static PKCS10CertificationRequest parse(String pem) {
        byte[] der = Pem.decodeSingle(pem, List.of("CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"),
                "certificateSigningRequest (PKCS#10)", ServiceException::invalidRequest);
        if (!Der.isDer(der)) {
            throw ServiceException.invalidRequest("certificateSigningRequest is not in DER: one PKCS#10 request in"
                    + " the Distinguished Encoding Rules, nothing after it");
        }
        try {
            return new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException malformed) {
            throw ServiceException.invalidRequest(
                    "certificateSigningRequest is not a PEM-encoded PKCS#10 certificate signing request");
        }
    }

    private boolean isSelfSigned(PKCS10CertificationRequest csr) {
        try {
            ContentVerifierProvider verifier =
                    new JcaContentVerifierProviderBuilder().setProvider(provider).build(csr.getSubjectPublicKeyInfo());
            return csr.isSignatureValid(verifier);
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            return false;
        }
    }
}
