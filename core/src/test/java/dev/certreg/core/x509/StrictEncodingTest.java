package dev.certreg.core.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.ServiceException;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.protocol.ErrorCode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/**
 * One certificate has one id: every other spelling of its bytes (data after the DER, long-form lengths) and every
 * PEM text with more than its one block is refused, as are serial numbers RFC 5280 forbids.
 */
class StrictEncodingTest {
    private final X509Codec codec = new X509Codec();
    private final CsrCodec csrs = new CsrCodec();
    private final Issued ca = TestPki.ca("strict", KeyType.EC);
    private final byte[] der = der(ca);

    @Test
    void theDerAsMintedParses() {
        assertThat(codec.parse(pem(der), "certificate").certificateId()).hasSize(64);
    }

    @Test
    void bytesAfterTheDerAreRefused() {
        assertRefused(pem(concat(der, new byte[2])), "not in DER");
        assertRefused(pem(concat(der, "junk".getBytes(StandardCharsets.US_ASCII))), "not in DER");
    }

    @Test
    void aLongFormOuterLengthIsRefused() {
        assertThat(der[0]).isEqualTo((byte) 0x30);
        int lengthOctets = der[1] & 0x7f;
        byte[] content = Arrays.copyOfRange(der, 2 + lengthOctets, der.length);
        byte[] reencoded = concat(new byte[] {0x30, (byte) 0x84, 0, 0, (byte) (content.length >> 8),
                (byte) content.length}, content);
        assertRefused(pem(reencoded), "not in DER");
    }

    @Test
    void aPrivateKeyAfterTheCertificateIsRefusedWithoutEchoingIt() {
        String key = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(ca.keyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> codec.parse(ca.pem() + key, "CA certificate"))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("one CERTIFICATE block and nothing else")
                .hasMessageContaining("BEGIN PRIVATE KEY")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(key.substring(28, 60)));
    }

    @Test
    void aStrayBoundaryOrASecondCertificateIsRefused() {
        assertRefused(ca.pem() + "-----END RSA PRIVATE KEY-----\n", "nothing else");
        assertRefused(ca.pem() + TestPki.ca("other", KeyType.EC).pem(), "more than one");
    }

    @Test
    void explanatoryTextAroundTheOneBlockIsAllowed() {
        assertThat(codec.parse("Subject: CN=strict\n" + ca.pem() + "\nend of file\n", "certificate")
                .certificateId()).isEqualTo(codec.parse(ca.pem(), "certificate").certificateId());
    }

    @Test
    void aZeroNegativeOrOver20OctetSerialNumberIsRefused() {
        for (BigInteger serial : new BigInteger[] {BigInteger.ZERO, BigInteger.valueOf(-7),
                BigInteger.ONE.shiftLeft(159)}) {
            assertRefused(TestPki.caWithSerial("serial", serial).pem(), "serial number");
        }
    }

    @Test
    void aTwentyOctetSerialNumberIsAccepted() {
        Issued largest = TestPki.caWithSerial("serial", BigInteger.ONE.shiftLeft(159).subtract(BigInteger.ONE));
        assertThat(codec.parse(largest.pem(), "certificate").certificateId()).hasSize(64);
    }

    @Test
    void aCsrWithBytesAfterItsDerOrASecondBlockIsRefused() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("EC").generateKeyPair();
        byte[] csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=device"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
        assertThat(csrs.subjectKey(block("CERTIFICATE REQUEST", csr))).isNotNull();
        assertThatThrownBy(() -> csrs.subjectKey(block("CERTIFICATE REQUEST", concat(csr, new byte[1]))))
                .isInstanceOf(ServiceException.class).hasMessageContaining("not in DER");
        assertThatThrownBy(() -> csrs.subjectKey(block("CERTIFICATE REQUEST", csr)
                        + block("PRIVATE KEY", keys.getPrivate().getEncoded())))
                .isInstanceOf(ServiceException.class).hasMessageContaining("nothing else")
                .extracting(e -> ((ServiceException) e).errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }

    private void assertRefused(String pem, String reason) {
        assertThatThrownBy(() -> codec.parse(pem, "certificate"))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining(reason)
                .extracting(e -> ((ServiceException) e).errorCode()).isEqualTo(ErrorCode.CERTIFICATE_VALIDATION);
    }

    private static byte[] der(Issued issued) {
        try {
            return issued.certificate().getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(byte[] der) {
        return block("CERTIFICATE", der);
    }

    private static String block(String label, byte[] der) {
        return Pem.encode(label, der);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
