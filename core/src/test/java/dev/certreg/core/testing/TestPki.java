package dev.certreg.core.testing;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints CA and device certificates for a test run: RSA and EC CAs, expired and wrong-signer certificates, same
 * subject cases. Nothing is checked in; every run makes fresh keys. Thread-safe.
 */
public final class TestPki {
    private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());

    private TestPki() {}

    /** A key type with its signature algorithm. */
    public enum KeyType {
        EC("SHA256withECDSA"),
        RSA("SHA256withRSA");

        private final String signatureAlgorithm;

        KeyType(String signatureAlgorithm) {
            this.signatureAlgorithm = signatureAlgorithm;
        }

        KeyPair generate() {
            try {
                if (this == EC) {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                    return generator.generateKeyPair();
                }
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, new SecureRandom());
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A certificate with its key. */
    public record Issued(X509Certificate certificate, KeyPair keyPair, KeyType keyType) {
        public String pem() {
            return TestPki.pem(certificate);
        }

        public String subject() {
            return certificate.getSubjectX500Principal().getName();
        }

        /** A device certificate signed by this CA, valid for a year from an hour ago. */
        public Issued issue(String commonName) {
            return issue(commonName, KeyType.EC, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(365));
        }

        /** A device certificate for a key of the caller's choosing (of {@code type}), valid for a year. */
        public Issued issue(String commonName, KeyPair keyPair, KeyType type) {
            return TestPki.sign(new X500Name("CN=" + commonName), keyPair, type, this,
                    Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(365), false);
        }

        /**
         * This certificate, its P-256 ECDSA signature (r, s) replaced by (r, n - s), which verifies as well: the same
         * certificate (the same signed part), another DER, another id, made without any key.
         */
        public Issued ecdsaTwin() {
            try {
                Certificate parsed = Certificate.getInstance(certificate.getEncoded());
                ASN1Sequence signature = ASN1Sequence.getInstance(parsed.getSignature().getOctets());
                BigInteger r = ASN1Integer.getInstance(signature.getObjectAt(0)).getValue();
                BigInteger s = ASN1Integer.getInstance(signature.getObjectAt(1)).getValue();
                BigInteger n = ECNamedCurveTable.getParameterSpec("secp256r1").getN();
                byte[] twinSignature = new DERSequence(new ASN1Encodable[] {new ASN1Integer(r),
                        new ASN1Integer(n.subtract(s))}).getEncoded(ASN1Encoding.DER);
                byte[] twin = new DERSequence(new ASN1Encodable[] {parsed.getTBSCertificate(),
                        parsed.getSignatureAlgorithm(), new DERBitString(twinSignature)}).getEncoded(ASN1Encoding.DER);
                return new Issued(new JcaX509CertificateConverter().getCertificate(new X509CertificateHolder(twin)),
                        keyPair, keyType);
            } catch (Exception e) {
                throw new IllegalStateException("Could not respell a test certificate", e);
            }
        }

        /** A certificate with this subject CN signed by this CA, valid from {@code notBefore} for {@code period}. */
        public Issued issue(String commonName, KeyType type, Instant notBefore, Duration period) {
            return TestPki.sign(new X500Name("CN=" + commonName), type.generate(), type, this, notBefore, period,
                    false);
        }
    }

    /** A self-signed CA with BasicConstraints CA:TRUE, valid for ten years from an hour ago. */
    public static Issued ca(String commonName, KeyType type) {
        return ca(new X500Name("CN=" + commonName + ", O=certreg tests"), type.generate(), type);
    }

    /** A self-signed CA for an existing key: the same subject and key give a second CA with another id. */
    public static Issued ca(X500Name subject, KeyPair keyPair, KeyType type) {
        return sign(subject, keyPair, type, null, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(3650),
                true);
    }

    /** A self-signed certificate without BasicConstraints: not a CA. */
    public static Issued selfSignedLeaf(String commonName) {
        KeyPair keyPair = KeyType.EC.generate();
        return sign(new X500Name("CN=" + commonName), keyPair, KeyType.EC, null,
                Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(30), false);
    }

    /** A self-signed EC CA with the given serial number, which may break RFC 5280's rules for serials. */
    public static Issued caWithSerial(String commonName, BigInteger serial) {
        return sign(new X500Name("CN=" + commonName), KeyType.EC.generate(), KeyType.EC, null,
                Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(3650), true, serial);
    }

    static Issued sign(X500Name subject, KeyPair keyPair, KeyType type, Issued issuer, Instant notBefore,
            Duration period, boolean isCa) {
        return sign(subject, keyPair, type, issuer, notBefore, period, isCa,
                BigInteger.valueOf(SERIALS.incrementAndGet()));
    }

    private static Issued sign(X500Name subject, KeyPair keyPair, KeyType type, Issued issuer, Instant notBefore,
            Duration period, boolean isCa, BigInteger serial) {
        KeyPair signingKey = issuer == null ? keyPair : issuer.keyPair();
        KeyType signingType = issuer == null ? type : issuer.keyType();
        X500Name issuerName = issuer == null ? subject : X500Name.getInstance(
                issuer.certificate().getSubjectX500Principal().getEncoded());
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
                    serial, Date.from(notBefore),
                    Date.from(notBefore.plus(period)), subject, keyPair.getPublic());
            if (isCa) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            }
            ContentSigner signer =
                    new JcaContentSignerBuilder(signingType.signatureAlgorithm).build(signingKey.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new Issued(certificate, keyPair, type);
        } catch (Exception e) {
            throw new IllegalStateException("Could not mint a test certificate", e);
        }
    }

    /** The PEM text of a certificate. */
    public static String pem(X509Certificate certificate) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(certificate);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
