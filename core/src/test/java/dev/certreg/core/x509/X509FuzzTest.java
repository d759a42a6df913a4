package dev.certreg.core.x509;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.certreg.core.ServiceException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * The certificate and CSR readers against arbitrary input: each answers a parsed value or a 400-class
 * {@link ServiceException}, never another exception or a hang. Without {@code JAZZER_FUZZ} only the inputs under
 * {@code X509FuzzTestInputs/} run; docs/reliability.md says how to fuzz.
 */
@Timeout(10)
class X509FuzzTest {
    private static final X509Codec CERTIFICATES = new X509Codec();
    private static final CsrCodec REQUESTS = new CsrCodec();

    /** RegisterCertificate's certificatePem as sent: any text. */
    @FuzzTest(maxDuration = "30m")
    void certificatePem(byte[] input) {
        String pem = new String(input, StandardCharsets.UTF_8);
        try {
            readEveryField(CERTIFICATES.parse(pem, "certificate"));
        } catch (ServiceException refused) {
            assertClientError(refused);
        }
    }

    /** Any bytes in a well-formed CERTIFICATE block, so that mutations reach the DER and X.509 readers. */
    @FuzzTest(maxDuration = "30m")
    void certificateDer(byte[] der) {
        try {
            readEveryField(CERTIFICATES.parse(Pem.encode("CERTIFICATE", der), "certificate"));
        } catch (ServiceException refused) {
            assertClientError(refused);
        }
    }

    /** Any bytes in a CERTIFICATE REQUEST block, as CreateCertificateFromCsr reads it. */
    @FuzzTest(maxDuration = "30m")
    void csrDer(byte[] der) {
        try {
            assertThat(REQUESTS.subjectKey(Pem.encode("CERTIFICATE REQUEST", der))).isNotNull();
        } catch (ServiceException refused) {
            assertClientError(refused);
        }
    }

    /** What registration and DescribeCertificate read from a parsed certificate must not throw either. */
    private static void readEveryField(ParsedCertificate certificate) {
        assertThat(certificate.certificateId()).hasSize(64);
        assertThat(certificate.subject()).isNotNull();
        assertThat(certificate.issuer()).isNotNull();
        assertThat(certificate.commonName()).isNotNull();
        assertThat(certificate.validity()).isNotNull();
        assertThat(certificate.keyAlgorithm()).isNotNull();
        assertThat(certificate.signatureAlgorithm()).isNotNull();
        certificate.hasSupportedKey();
        certificate.hasSupportedSignatureAlgorithm();
        certificate.isCa();
        certificate.maySignCertificates();
        certificate.isSignedBy(certificate);
        certificate.isSignedBy(IssuerKey.of(certificate));
    }

    private static void assertClientError(ServiceException refused) {
        assertThat(refused.errorCode().httpStatus()).as(refused.getMessage()).isBetween(400, 499);
    }
}
