package dev.certreg.core.x509;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.certreg.core.ServiceException;
import dev.certreg.core.testing.X509Corpus;
import dev.certreg.core.testing.X509Corpus.Entry;
import dev.certreg.protocol.ErrorCode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * pyca/cryptography's edge-case and real-world certificates as parser fuzz seeds: each file either parses into a
 * certificate whose every accessor answers, or is refused with CertificateValidationException. Anything else would
 * escape the service as a 500.
 */
@Timeout(20)
class X509CodecCorpusTest {
    private final X509Codec codec = new X509Codec();

    @TestFactory
    Stream<DynamicTest> everyCorpusFileParsesOrIsRefusedAsAnInvalidCertificate() {
        return corpus().stream().map(entry -> dynamicTest(entry.name(), () -> parseAndReadEverything(entry)));
    }

    @Test
    void theCorpusHoldsEveryUpstreamFile() {
        assertThat(X509Corpus.files("pyca-custom")).hasSize(102);
        assertThat(X509Corpus.files("pyca-misc")).hasSize(28);
    }

    @Test
    void crlsAndPrivateKeysAreNotCertificates() {
        assertThat(corpus()).filteredOn(e -> e.name().startsWith("crl_") || e.name().endsWith("_crl.pem")
                        || e.name().endsWith("_key.pem"))
                .hasSize(24 + 2)
                .allSatisfy(e -> assertThatThrownBy(() -> codec.parse(e.pem(), "certificate"))
                        .isInstanceOf(ServiceException.class));
    }

    @Test
    void otherBlocksAroundTheCertificateAChainOrAnOldLabelAreRefused() {
        assertThatThrownBy(() -> codec.parse(misc("cryptography.io.with_garbage.pem"), "certificate"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("one CERTIFICATE block and nothing else");
        assertThatThrownBy(() -> codec.parse(misc("cryptography.io.chain.pem"), "certificate"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("more than one");
        assertThatThrownBy(() -> codec.parse(misc("cryptography.io.old_header.pem"), "certificate"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("no BEGIN/END CERTIFICATE");
    }

    @Test
    void aCommonNameThatIsNotUtf8CountsAsAbsent() {
        ParsedCertificate certificate = codec.parse(file("pyca-custom", "invalid_utf8_common_name.pem"), "certificate");
        assertThat(certificate.commonName()).isEmpty();
        assertThat(certificate.subject()).startsWith("cn=we heart utf8");
    }

    @Test
    void aCriticalExtensionRfc5280DoesNotDefineIsRefusedButANonCriticalOneIsIgnored() {
        assertThatThrownBy(() -> codec.parse(file("pyca-custom", "unsupported_extension_critical.pem"), "certificate"))
                .isInstanceOf(ServiceException.class).hasMessageContaining("critical extension 1.2.3.4");
        assertThat(codec.parse(file("pyca-custom", "unsupported_extension.pem"), "certificate").certificateId())
                .hasSize(64);
    }

    private void parseAndReadEverything(Entry entry) {
        ParsedCertificate certificate;
        try {
            certificate = codec.parse(entry.pem(), "certificate");
        } catch (ServiceException refused) {
            assertThat(refused.errorCode()).isEqualTo(ErrorCode.CERTIFICATE_VALIDATION);
            assertThat(refused.getMessage()).startsWith("The certificate");
            return;
        }
        assertThat(certificate.certificateId()).matches("[0-9a-f]{64}");
        assertThatCode(() -> readEveryAccessor(certificate)).as(entry.name()).doesNotThrowAnyException();
    }

    private static void readEveryAccessor(ParsedCertificate certificate) {
        assertThat(certificate.subject()).isNotNull();
        assertThat(certificate.issuer()).isNotNull();
        assertThat(certificate.commonName()).isNotNull();
        certificate.isCa();
        certificate.maySignCertificates();
        certificate.hasSupportedSignatureAlgorithm();
        certificate.hasSupportedKey();
        certificate.keyAlgorithm();
        assertThat(certificate.signatureAlgorithm()).isNotBlank();
        assertThat(certificate.validity().notBefore()).isNotNull();
        assertThat(certificate.validity().notAfter()).isNotNull();
        certificate.isSignedBy(certificate);
    }

    private static List<Entry> corpus() {
        return Stream.of("pyca-custom", "pyca-misc").flatMap(folder -> X509Corpus.files(folder).stream()).toList();
    }

    private static String misc(String name) {
        return file("pyca-misc", name);
    }

    private static String file(String folder, String name) {
        return X509Corpus.files(folder).stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow().pem();
    }
}
