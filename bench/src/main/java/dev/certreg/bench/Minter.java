package dev.certreg.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints the benchmark's certificates. Device certificates of one key type share one device key: only the CA's
 * signature, the serial and the subject differ, which is all the registry looks at and keeps minting cheap.
 * Thread-safe.
 */
final class Minter {
    /** A key type and the signature algorithm its CA signs with. */
    enum KeyType {
        EC("SHA256withECDSA"),
        RSA("SHA256withRSA");

        final String signatureAlgorithm;

        KeyType(String signatureAlgorithm) {
            this.signatureAlgorithm = signatureAlgorithm;
        }

        KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(name());
                if (this == EC) {
                    generator.initialize(new ECGenParameterSpec("secp256r1"));
                } else {
                    generator.initialize(2048);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A CA: its name, key and PEM. */
    record Ca(X500Name subject, KeyPair keyPair, KeyType type, String pem) {}

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis() * 1000);

    private final Instant notBefore = Instant.now().minus(Duration.ofHours(1));

    /** A self-signed CA with BasicConstraints CA:TRUE and keyCertSign. */
    Ca ca(String commonName, KeyType type) {
        X500Name subject = new X500Name("CN=" + commonName + ", O=certreg bench");
        KeyPair keyPair = type.generate();
        return new Ca(subject, keyPair, type,
                sign(subject, subject, keyPair.getPublic(), keyPair.getPrivate(), type, Duration.ofDays(3650), true));
    }

    /** A leaf certificate for {@code publicKey} with this subject CN, signed by {@code ca}. */
    String leaf(Ca ca, String commonName, PublicKey publicKey) {
        return sign(ca.subject(), new X500Name("CN=" + commonName), publicKey, ca.keyPair().getPrivate(), ca.type(),
                Duration.ofDays(365), false);
    }

    /** {@code key} as a PKCS #8 PEM, which names the key's curve. */
    static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    private String sign(X500Name issuer, X500Name subject, PublicKey publicKey, PrivateKey signingKey, KeyType type,
            Duration period, boolean isCa) {
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore),
                    Date.from(notBefore.plus(period)), subject, publicKey);
            if (isCa) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature));
            }
            X509CertificateHolder holder =
                    builder.build(new JcaContentSignerBuilder(type.signatureAlgorithm).build(signingKey));
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(holder);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
