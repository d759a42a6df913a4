package dev.certreg.e2e;

import static dev.certreg.e2e.Registrar.activeCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.e2e.Registrar.RegisteredCa;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;

/**
 * A revoked certificate cannot come back under a new id: other spellings of its DER, and the twin of its ECDSA
 * signature, are refused, so the duplicate check and the revocation hold. Nothing but the one certificate block is ever stored and served back.
 */
class OneIdPerCertificateTest extends RunningServer {

    @Test
    void aRevokedCertificateRespelledWithTrailingBytesOrALongFormLengthIsRefused() throws Exception {
        RegisteredCa ca = activeCa(iot, "fleet", KeyType.EC);
        Issued device = ca.ca().issue("d");
        String id = iot.registerCertificate(r -> r.certificatePem(device.pem()).caCertificatePem(ca.ca().pem())
                .status(CertificateStatus.ACTIVE)).certificateId();
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.REVOKED));

        byte[] der = device.certificate().getEncoded();
        for (byte[] respelled : List.of(concat(der, new byte[2]), concat(der, bytes("junk")), longFormLength(der))) {
            assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(pem(respelled))
                            .caCertificatePem(ca.ca().pem()).status(CertificateStatus.ACTIVE)))
                    .isInstanceOf(CertificateValidationException.class).hasMessageContaining("not in DER");
        }
        assertThat(iot.listCertificates(r -> {}).certificates())
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED));
    }

    @Test
    void aRevokedCertificateRespelledWithItsEcdsaSignaturesTwinIsRefused() throws Exception {
        RegisteredCa ca = activeCa(iot, "twins", KeyType.EC);
        Issued device = ca.ca().issue("d");
        String id = iot.registerCertificate(r -> r.certificatePem(device.pem()).caCertificatePem(ca.ca().pem())
                .status(CertificateStatus.ACTIVE)).certificateId();
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.REVOKED));

        String twin = pem(ecdsaTwin(device.certificate().getEncoded()));
        assertThat(certificateOf(twin).getSignature()).isNotEqualTo(device.certificate().getSignature());
        certificateOf(twin).verify(ca.ca().certificate().getPublicKey());
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(twin)
                        .caCertificatePem(ca.ca().pem()).status(CertificateStatus.ACTIVE)))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> iot.registerCertificateWithoutCA(r -> r.certificatePem(twin)
                        .status(CertificateStatus.ACTIVE)))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThat(iot.listCertificates(r -> {}).certificates())
                .singleElement().satisfies(c -> assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED));
    }

    @Test
    void anInactiveCaRespelledWithItsEcdsaSignaturesTwinIsRefused() throws Exception {
        Issued ca = TestPki.ca("twin-ca", KeyType.EC);
        String id = iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                .certificateMode(CertificateMode.SNI_ONLY)).certificateId();
        String twin = pem(ecdsaTwin(ca.certificate().getEncoded()));
        certificateOf(twin).verify(ca.certificate().getPublicKey());
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(twin)
                        .certificateMode(CertificateMode.SNI_ONLY).setAsActive(true)))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThat(iot.listCACertificates(r -> {}).certificates())
                .singleElement().satisfies(c -> assertThat(c.certificateId()).isEqualTo(id));
    }

    @Test
    void aCaPemWithAPrivateKeyAppendedIsRefusedAndNothingIsStored() throws Exception {
        Issued ca = TestPki.ca("leaky", KeyType.EC);
        String key = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ca.keyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(ca.pem() + key)
                        .certificateMode(CertificateMode.SNI_ONLY)))
                .isInstanceOf(CertificateValidationException.class)
                .hasMessageContaining("one CERTIFICATE block and nothing else");
        assertThat(iot.listCACertificates(r -> {}).certificates()).isEmpty();
    }

    /**
     * {@code der} with its P-256 ECDSA signature (r, s) replaced by (r, n - s), which verifies as well: the same
     * certificate, another DER, another SHA-256, made without any key.
     */
    private static byte[] ecdsaTwin(byte[] der) throws Exception {
        Certificate certificate = Certificate.getInstance(der);
        ASN1Sequence signature = ASN1Sequence.getInstance(certificate.getSignature().getOctets());
        BigInteger r = ASN1Integer.getInstance(signature.getObjectAt(0)).getValue();
        BigInteger s = ASN1Integer.getInstance(signature.getObjectAt(1)).getValue();
        BigInteger n = ECNamedCurveTable.getParameterSpec("secp256r1").getN();
        byte[] twinSignature = new DERSequence(new ASN1Encodable[] {new ASN1Integer(r), new ASN1Integer(n.subtract(s))})
                .getEncoded(ASN1Encoding.DER);
        return new DERSequence(new ASN1Encodable[] {certificate.getTBSCertificate(),
                certificate.getSignatureAlgorithm(), new DERBitString(twinSignature)}).getEncoded(ASN1Encoding.DER);
    }

    private static X509Certificate certificateOf(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] longFormLength(byte[] der) {
        int lengthOctets = der[1] & 0x7f;
        byte[] content = Arrays.copyOfRange(der, 2 + lengthOctets, der.length);
        return concat(new byte[] {0x30, (byte) 0x84, 0, 0, (byte) (content.length >> 8), (byte) content.length},
                content);
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

}
