package dev.certreg.core.x509;

import dev.certreg.core.Validity;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.TBSCertificate;

/** A certificate that parsed as X.509, with the facts the registry's checks need. Immutable, thread-safe. */
public final class ParsedCertificate {
    /** Signature algorithms AWS IoT accepts: RSA PKCS#1 v1.5 and PSS, ECDSA, with SHA-256 or stronger. */
    private static final Set<String> SUPPORTED_SIGNATURES = Set.of(
            "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13", // sha256/384/512 RSA
            "1.2.840.113549.1.1.10", // RSASSA-PSS
            "1.2.840.10045.4.3.2", "1.2.840.10045.4.3.3", "1.2.840.10045.4.3.4"); // ecdsa sha256/384/512

    private final String certificateId;
    private final X509Certificate certificate;
    private final Provider provider;
    /** {@link #validity()}, read once: BouncyCastle decodes each time with a new date format. A benign race. */
    private Validity validity;

    ParsedCertificate(byte[] der, X509Certificate certificate, Provider provider) {
        this.certificateId = certificateIdOf(der);
        this.certificate = certificate;
        this.provider = provider;
    }

    /** Lowercase hex SHA-256 of the DER: the certificate id. */
    public String certificateId() {
        return certificateId;
    }

    /**
     * The subject DN in canonical form (RFC 2253, lower case, spaces collapsed), so that names RFC 5280 section 7.1
     * calls equal compare equal as strings.
     */
    public String subject() {
        return certificate.getSubjectX500Principal().getName(X500Principal.CANONICAL);
    }

    /** The issuer DN in the canonical form of {@link #subject()}: equal to the issuing CA's subject. */
    public String issuer() {
        return certificate.getIssuerX500Principal().getName(X500Principal.CANONICAL);
    }

    /**
     * Whether the subject key is one the registry accepts: RSA of 2048 to 4096 bits, or EC on the named curve P-256,
     * P-384 or P-521.
     */
    public boolean hasSupportedKey() {
        try {
            return SupportedKeys.isSupported(
                    TBSCertificate.getInstance(certificate.getTBSCertificate()).getSubjectPublicKeyInfo());
        } catch (GeneralSecurityException | RuntimeException malformed) {
            return false;
        }
    }

    /** The subject key's algorithm name, for messages. */
    public String keyAlgorithm() {
        try {
            return certificate.getPublicKey().getAlgorithm();
        } catch (RuntimeException unreadable) {
            return "unreadable";
        }
    }

    /** The subject's common name, if it has one that decodes as a string. */
    public Optional<String> commonName() {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
        } catch (IllegalArgumentException e) {
            // BouncyCastle decodes string values lazily: a UTF8String that is not UTF-8 fails only here.
            return Optional.empty();
        }
    }

    /** Whether BasicConstraints says CA:TRUE. */
    public boolean isCa() {
        return certificate.getBasicConstraints() >= 0;
    }

    /** Whether the key may sign certificates: no KeyUsage extension, or one with keyCertSign. */
    public boolean maySignCertificates() {
        boolean[] keyUsage = certificate.getKeyUsage();
        return keyUsage == null || (keyUsage.length > 5 && keyUsage[5]);
    }

    /** Whether the signature algorithm is one AWS IoT accepts. */
    public boolean hasSupportedSignatureAlgorithm() {
        return SUPPORTED_SIGNATURES.contains(certificate.getSigAlgOID());
    }

    /** The signature algorithm's name, for messages. */
    public String signatureAlgorithm() {
        return certificate.getSigAlgName();
    }

    public Validity validity() {
        Validity read = validity;
        if (read == null) {
            read = new Validity(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
            validity = read;
        }
        return read;
    }

    /** Whether this certificate's signature verifies with {@code issuer}'s public key. */
    public boolean isSignedBy(ParsedCertificate issuer) {
        return isSignedBy(issuer.certificate);
    }

    /** Whether this certificate's signature verifies with {@code issuerKey}, a CA key prepared once for many. */
    public boolean isSignedBy(IssuerKey issuerKey) {
        return issuerKey.verifies(certificate, provider);
    }

    X509Certificate x509() {
        return certificate;
    }

    private boolean isSignedBy(X509Certificate issuer) {
        try {
            // Reading the key is inside the try: BouncyCastle refuses some keys only then (an RSA modulus with a
            // small prime factor), and such an issuer has signed nothing.
            certificate.verify(issuer.getPublicKey(), provider);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** The id of the certificate whose DER is {@code der}: lowercase hex SHA-256 of those bytes, unparsed. */
    public static String certificateIdOf(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
