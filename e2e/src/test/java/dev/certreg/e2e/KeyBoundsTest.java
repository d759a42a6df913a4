package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.AutoRegistrationStatus;
import dev.certreg.core.Audit;
import dev.certreg.core.CaCertificate;
import dev.certreg.core.CaCertificateStatus;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.Scope;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.core.x509.ParsedCertificate;
import dev.certreg.core.x509.X509Codec;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;

/**
 * RSA keys are bounded (2048 to 4096 bits, exponent of at most 256 bits) before any signature is verified with them:
 * an attacker chooses a public key freely, without its private half, and a 16,384-bit modulus with a 16,383-bit
 * exponent costs seconds of CPU per verification.
 */
class KeyBoundsTest extends RunningServer {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Issued signer = TestPki.ca("signer", KeyType.RSA);

    @Test
    void aDefaultModeCaWithAHugeModulusAndExponentIsRefusedForItsKey() {
        String ca = caWithKey("huge", rsaKey(16_384, 16_383));
        String code = iot.getRegistrationCode(r -> {}).registrationCode();
        String verification = signer.issue(code).pem();
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(ca).verificationCertificate(
                        verification)))
                .isInstanceOf(CertificateValidationException.class)
                .hasMessageContaining("key is not supported").hasMessageContaining("4096");
        assertThat(iot.listCACertificates(r -> {}).certificates()).isEmpty();
    }

    @Test
    void aModulusOver4096BitsOrAnExponentOver256BitsIsRefused() {
        for (SubjectPublicKeyInfo key : List.of(rsaKey(4_104, 17), rsaKey(2_048, 257), evenExponent())) {
            String ca = caWithKey("bounds", key);
            assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(ca)
                            .certificateMode(software.amazon.awssdk.services.iot.model.CertificateMode.SNI_ONLY)))
                    .isInstanceOf(CertificateValidationException.class)
                    .hasMessageContaining("key is not supported");
        }
    }

    @Test
    void theIssuerLookupSkipsAStoredCaWhoseKeyIsOutOfBounds() {
        // A CA stored before the bounds existed, with the subject of the device's issuer.
        String hugePem = caWithKey("signer", rsaKey(16_384, 16_383));
        ParsedCertificate huge = new X509Codec().parse(hugePem, "CA certificate");
        Instant now = Instant.now();
        store.insertCaCertificate(new CaCertificate(new Scope(DEFAULT_ACCOUNT, "us-east-1"), huge.certificateId(),
                hugePem, huge.subject(), CaCertificateStatus.ACTIVE, AutoRegistrationStatus.DISABLE,
                CertificateMode.SNI_ONLY, null, huge.validity(), Audit.created(now, UUID.randomUUID().toString()),
                List.of()), 10);
        String device = signer.issue("d").pem();
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(device)))
                .isInstanceOf(CertificateValidationException.class)
                .hasMessageContaining("No registered CA certificate signed this certificate");
    }

    /** A CA certificate for any public key: the signature is the test signer's, so no private key is needed. */
    private String caWithKey(String commonName, SubjectPublicKeyInfo key) {
        X500Name subject = new X500Name("CN=" + commonName + ", O=certreg tests");
        Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(subject, BigInteger.valueOf(RANDOM.nextInt(
                Integer.MAX_VALUE) + 1L), Date.from(notBefore), Date.from(notBefore.plus(Duration.ofDays(30))),
                subject, key);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign));
            byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                    .build(signer.keyPair().getPrivate())).getEncoded();
            java.io.StringWriter out = new java.io.StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(new org.bouncycastle.util.io.pem.PemObject("CERTIFICATE", der));
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SubjectPublicKeyInfo rsaKey(int modulusBits, int exponentBits) {
        BigInteger modulus = new BigInteger(modulusBits, RANDOM).setBit(modulusBits - 1).setBit(0);
        BigInteger exponent = new BigInteger(exponentBits, RANDOM).setBit(exponentBits - 1).setBit(0);
        return spki(modulus, exponent);
    }

    private static SubjectPublicKeyInfo evenExponent() {
        return spki(new BigInteger(2048, RANDOM).setBit(2047).setBit(0), BigInteger.valueOf(65_536));
    }

    private static SubjectPublicKeyInfo spki(BigInteger modulus, BigInteger exponent) {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption,
                    DERNull.INSTANCE), new RSAPublicKey(modulus, exponent));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
