package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CreateCertificateFromCsrResponse;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;

class IssuedCertificateTest extends RunningServer {

    @Test
    void createdKeysMatchTheCertificateAndTheIssuingCaSignedIt() throws Exception {
        CreateKeysAndCertificateResponse created = iot.createKeysAndCertificate(r -> {});
        X509Certificate certificate = x509(created.certificatePem());

        certificate.verify(issuingCa.publicKey());
        assertThat(created.keyPair().privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
        assertThat(created.keyPair().publicKey()).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(publicKey(created.keyPair().publicKey())).isEqualTo(certificate.getPublicKey());
        assertThat(signatureVerifies(privateKey(created.keyPair().privateKey()), certificate.getPublicKey())).isTrue();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=AWS IoT Certificate");
        assertThat(certificate.getSigAlgName()).isEqualToIgnoringCase("SHA256withRSA");
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
        assertThat(created.certificateId()).isEqualTo(sha256Hex(certificate.getEncoded()));
        assertThat(created.certificateArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:cert/"
                + created.certificateId());
    }

    @Test
    void anIssuedCertificateIsAnInactiveDefaultModeDeviceCertificateWithoutCa() {
        CreateKeysAndCertificateResponse created = iot.createKeysAndCertificate(r -> {});

        CertificateDescription d = describe(created.certificateId());
        assertThat(d.status()).isEqualTo(CertificateStatus.INACTIVE);
        assertThat(d.certificateMode()).isEqualTo(CertificateMode.DEFAULT);
        assertThat(d.caCertificateId()).isNull();
        assertThat(d.certificatePem()).isEqualTo(created.certificatePem());
        assertThat(d.validity().notAfter()).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"));
        assertThat(iot.listCertificates(r -> {}).certificates())
                .anySatisfy(c -> assertThat(c.certificateId()).isEqualTo(created.certificateId()));
    }

    @Test
    void setAsActiveMakesIssuedCertificatesActive() {
        String fromKeys = iot.createKeysAndCertificate(r -> r.setAsActive(true)).certificateId();
        String fromCsr = iot.createCertificateFromCsr(r -> r.certificateSigningRequest(
                Csrs.pem(Csrs.ec("secp256r1"))).setAsActive(true)).certificateId();
        String inactive = iot.createCertificateFromCsr(r -> r.certificateSigningRequest(
                Csrs.pem(Csrs.ec("secp256r1"))).setAsActive(false)).certificateId();

        assertThat(describe(fromKeys).status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(describe(fromCsr).status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(describe(inactive).status()).isEqualTo(CertificateStatus.INACTIVE);
    }

    @Test
    void registeringAnIssuedCertificateAgainIsAConflictNotAValidationFailure() {
        CreateKeysAndCertificateResponse issued = iot.createKeysAndCertificate(r -> r.setAsActive(true));
        // RegisterCertificate lists ResourceAlreadyExistsException: the duplicate is found before any CA check, so
        // a certificate signed by certreg's own (unregistered) issuing CA is a 409 too.
        for (Runnable register : List.<Runnable>of(
                () -> iot.registerCertificate(r -> r.certificatePem(issued.certificatePem())),
                () -> iot.registerCertificateWithoutCA(r -> r.certificatePem(issued.certificatePem())))) {
            assertThatThrownBy(register::run).isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(409);
                assertThat(e.resourceId()).isEqualTo(issued.certificateId());
                assertThat(e.resourceArn()).isEqualTo(issued.certificateArn());
            });
        }
    }

    @Test
    void aCertificateFromAnEcCsrCarriesTheCsrsKey() throws Exception {
        KeyPair keys = Csrs.ec("secp256r1");
        CreateCertificateFromCsrResponse created =
                iot.createCertificateFromCsr(r -> r.certificateSigningRequest(Csrs.pem(keys)));
        X509Certificate certificate = x509(created.certificatePem());

        certificate.verify(issuingCa.publicKey());
        assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
        assertThat(created.certificateId()).isEqualTo(sha256Hex(certificate.getEncoded()));
        assertThat(describe(created.certificateId()).certificateMode()).isEqualTo(CertificateMode.DEFAULT);
    }

    @Test
    void aCertificateFromAnRsaCsrCarriesTheCsrsKey() throws Exception {
        KeyPair keys = Csrs.rsa(2048);
        X509Certificate certificate = x509(iot.createCertificateFromCsr(
                r -> r.certificateSigningRequest(Csrs.pem(keys))).certificatePem());

        certificate.verify(issuingCa.publicKey());
        assertThat(certificate.getPublicKey().getEncoded()).isEqualTo(keys.getPublic().getEncoded());
    }

    @Test
    void aReusedCsrGivesADistinctCertificate() {
        String csr = Csrs.pem(Csrs.ec("secp384r1"));
        String first = iot.createCertificateFromCsr(r -> r.certificateSigningRequest(csr)).certificateId();
        String second = iot.createCertificateFromCsr(r -> r.certificateSigningRequest(csr)).certificateId();

        assertThat(second).isNotEqualTo(first);
        assertThat(describe(first).certificateId()).isEqualTo(first);
        assertThat(describe(second).certificateId()).isEqualTo(second);
    }

    @Test
    void aCsrWithABadSignatureAWeakKeyOrNoCsrAtAllIsAnInvalidRequest() {
        KeyPair keys = Csrs.ec("secp256r1");
        assertInvalid(Csrs.pem(keys, Csrs.ec("secp256r1")), "signature");
        assertInvalid(Csrs.pem(Csrs.rsa(1024)), "2048");
        assertInvalid("not a certificate signing request", "PKCS#10");
        assertInvalid(x509Pem(), "PKCS#10");
        assertInvalid("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n", "PKCS#10");
        assertInvalid("x".repeat(4097), "4096");
        assertThat(iot.listCertificates(r -> {}).certificates()).hasSize(1);
    }

    private String x509Pem() {
        return iot.createKeysAndCertificate(r -> {}).certificatePem();
    }

    private void assertInvalid(String csr, String messagePart) {
        assertThatThrownBy(() -> iot.createCertificateFromCsr(r -> r.certificateSigningRequest(csr)))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(messagePart);
    }

    private CertificateDescription describe(String id) {
        return iot.describeCertificate(r -> r.certificateId(id)).certificateDescription();
    }

    private static X509Certificate x509(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static PublicKey publicKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaPEMKeyConverter().getPublicKey((SubjectPublicKeyInfo) parser.readObject());
        }
    }

    private static PrivateKey privateKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaPEMKeyConverter().getKeyPair((PEMKeyPair) parser.readObject()).getPrivate();
        }
    }

    private static boolean signatureVerifies(PrivateKey privateKey, PublicKey publicKey) throws Exception {
        byte[] message = "proof of possession".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(message);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static String sha256Hex(byte[] der) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
}
