package dev.certreg.core.x509;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Security;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link EcdsaProvider} once installed: ECDSA with EC keys, asked for without a provider as JSSE asks, is
 * BouncyCastle's, and its signatures and SunEC's verify each other, both ways, for keys and certificates made by the
 * JDK; RSA is left to the JDK.
 */
class EcdsaProviderTest {
    private static final byte[] MESSAGE = "TLS 1.3, server CertificateVerify".getBytes(StandardCharsets.US_ASCII);

    @BeforeAll
    static void install() {
        EcdsaProvider.install();
        EcdsaProvider.install();
    }

    @Test
    void itIsFirstAndInstalledOnce() {
        assertThat(Security.getProviders()[0].getName()).isEqualTo(EcdsaProvider.NAME);
        assertThat(Security.getProviders()).filteredOn(p -> p.getName().equals(EcdsaProvider.NAME)).hasSize(1);
    }

    @Test
    void ecdsaWithAnEcKeyIsItsAndAgreesWithSunEcBothWays() throws Exception {
        for (String algorithm : new String[] {"SHA256withECDSA", "SHA384withECDSA", "SHA512withECDSA"}) {
            KeyPair key = ecKey();
            Signature ours = Signature.getInstance(algorithm);
            ours.initSign(key.getPrivate());
            ours.update(MESSAGE);
            byte[] signedByUs = ours.sign();
            assertThat(ours.getProvider().getName()).isEqualTo(EcdsaProvider.NAME);

            Signature sunEc = Signature.getInstance(algorithm, "SunEC");
            sunEc.initVerify(key.getPublic());
            sunEc.update(MESSAGE);
            assertThat(sunEc.verify(signedByUs)).isTrue();

            sunEc.initSign(key.getPrivate());
            sunEc.update(MESSAGE);
            byte[] signedBySunEc = sunEc.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key.getPublic());
            verifier.update(MESSAGE);
            assertThat(verifier.verify(signedBySunEc)).isTrue();
            verifier.initVerify(ecKey().getPublic());
            verifier.update(MESSAGE);
            assertThat(verifier.verify(signedBySunEc)).isFalse();
        }
    }

    @Test
    void aCertificateParsedByTheJdkVerifiesThroughItAndRsaStaysWithTheJdk() throws Exception {
        Issued ca = TestPki.ca("provider", KeyType.EC);
        Issued device = ca.issue("device");
        X509Certificate jdkParsed = (X509Certificate) CertificateFactory.getInstance("X.509", "SUN")
                .generateCertificate(new ByteArrayInputStream(device.certificate().getEncoded()));
        jdkParsed.verify(ca.certificate().getPublicKey());

        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(rsaKey().getPrivate());
        assertThat(rsa.getProvider().getName()).isNotEqualTo(EcdsaProvider.NAME);
    }

    private static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static KeyPair rsaKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
