package dev.certreg.e2e;

import static dev.certreg.e2e.Registrar.activeCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.e2e.Registrar.RegisteredCa;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;

/**
 * A revoked certificate cannot come back under a new id: other spellings of its DER are refused, so the
 * duplicate check and the revocation hold. Nothing but the one certificate block is ever stored and served back.
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
