package dev.certreg.core.x509;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The registry's own issuing CA, which signs the certificates of CreateKeysAndCertificate and
 * CreateCertificateFromCsr: an RSA-2048 key and a self-signed certificate.
 *
 * <p>AWS's issuer is one OU attribute that spells a whole DN ({@code OU=Amazon Web Services O=Amazon.com Inc.
 * L=Seattle ST=Washington C=US}). certreg keeps that single-attribute shape but names itself, so that nobody mistakes
 * its certificates for Amazon's: {@link #ISSUER}. Issued certificates follow AWS's: subject
 * {@code CN=AWS IoT Certificate}, sha256WithRSA, valid until {@link #NOT_AFTER}. Immutable, thread-safe.
 */
public final class IssuingCa {
    /** The issuer DN of every certificate the registry issues. */
    public static final X500Name ISSUER = new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.OU, "certreg Issuing CA O=certreg L=Local ST=Local C=ZZ").build();
    /** The subject of every issued certificate, as AWS's. */
    public static final X500Name SUBJECT = new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, "AWS IoT Certificate").build();
    /** The end of every issued certificate's validity, as AWS's. */
    public static final Instant NOT_AFTER = Instant.parse("2049-12-31T23:59:59Z");

    private static final String SIGNATURE = "SHA256withRSA";

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final SecureRandom random = new SecureRandom();

    private IssuingCa(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /** A new CA whose validity starts now on {@code clock}. */
    public static IssuingCa generate(Clock clock) {
        KeyPair keys = RsaKeys.generate();
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ISSUER, BigInteger.ONE,
                Date.from(now), Date.from(NOT_AFTER), ISSUER, spki);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(spki));
            return new IssuingCa(keys.getPrivate(), convert(builder.build(signer(keys.getPrivate()))));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The issuing CA could not be created", e);
        }
    }

    /** The CA that {@link #toPem()} wrote: an RSA private key block and a certificate block. */
    public static IssuingCa fromPem(String pem) {
        PrivateKey key = null;
        X509Certificate certificate = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PEMKeyPair pair) {
                    key = new JcaPEMKeyConverter().getKeyPair(pair).getPrivate();
                } else if (o instanceof X509CertificateHolder holder) {
                    certificate = convert(holder);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The issuing CA file is not a PEM key and certificate", e);
        }
        if (key == null || certificate == null) {
            throw new IllegalArgumentException("The issuing CA file needs an RSA PRIVATE KEY and a CERTIFICATE");
        }
        return new IssuingCa(key, certificate);
    }

    /** The private key (PKCS#1) and the certificate, for {@link #fromPem(String)}. Secret: store it 0600. */
    public String toPem() {
        return RsaKeys.privateKeyPem(privateKey) + certificatePem();
    }

    /** The CA certificate in PEM. */
    public String certificatePem() {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The issuing CA certificate cannot be encoded", e);
        }
    }

    /** The CA's public key, which verifies every certificate it issued. */
    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    /**
     * Issues a device certificate for {@code subjectKey}, valid from {@code notBefore} (cut to the second) to
     * {@link #NOT_AFTER}, with a new random serial: the same key issued twice gives two distinct certificates.
     *
     * @return the certificate in PEM
     */
    public String issue(SubjectPublicKeyInfo subjectKey, Instant notBefore) {
        Date start = Date.from(notBefore.truncatedTo(ChronoUnit.SECONDS));
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ISSUER, new BigInteger(159, random)
                .setBit(158), start, Date.from(NOT_AFTER), SUBJECT, subjectKey);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(subjectKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            return Pem.encode("CERTIFICATE", builder.build(signer(privateKey)).getEncoded());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("A certificate could not be issued", e);
        }
    }

    private static ContentSigner signer(PrivateKey key) {
        try {
            return new JcaContentSignerBuilder(SIGNATURE).build(key);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(SIGNATURE + " is missing from this JDK", e);
        }
    }

    private static X509Certificate convert(X509CertificateHolder holder) throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(holder);
    }
}
