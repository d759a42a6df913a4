package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.testing.MutableClock;
import dev.certreg.core.testing.X509Corpus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;

/**
 * NIST PKITS (2011 edition) end-entity certificates registered under their issuing CA, registered in SNI_ONLY mode
 * since PKITS publishes no CA keys. The registry judges one link, so only the tests about that link apply: the
 * signature, the validity period and the encoding of times, whether the CA may sign certificates, name chaining and
 * unknown critical extensions.
 *
 * <p>Policy: a certificate outside its validity period at the server's clock is refused at registration. PKITS
 * certificates are valid from 2010 to 2030, so the clock is pinned in between.
 */
class PkitsTest extends RunningServer {
    private static final Instant PKITS_NOW = Instant.parse("2020-06-01T00:00:00Z");

    private String goodCaId;

    @Override
    MutableClock clock() {
        return MutableClock.frozenAt(PKITS_NOW);
    }

    @BeforeEach
    void registerGoodCa() {
        goodCaId = registerCa("GoodCACert");
    }

    @Test
    void theValidPathEndEntityRegistersUnderGoodCa() {
        String id = registerUnder("GoodCACert", "ValidCertificatePathTest1EE");
        assertThat(describe(id).caCertificateId()).isEqualTo(goodCaId);
    }

    @Test
    void anEndEntityWhoseSignatureDoesNotVerifyIsRefused() {
        assertThatThrownBy(() -> registerUnder("GoodCACert", "InvalidEESignatureTest3EE"))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("not signed by");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "InvalidEEnotBeforeDateTest2EE", // valid from 2047
        "InvalidEEnotAfterDateTest6EE", // expired in 2011
        "Invalidpre2000UTCEEnotAfterDateTest7EE" // expired in 1999, a UTCTime read as 19xx
    })
    void anEndEntityOutsideItsValidityIsRefusedAtRegistration(String endEntity) {
        assertThatThrownBy(() -> registerUnder("GoodCACert", endEntity))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("not valid at");
    }

    @ParameterizedTest
    @CsvSource({
        "ValidGeneralizedTimenotBeforeDateTest4EE, 2002-01-01T12:01:00Z, 2030-12-31T08:30:00Z",
        "ValidGeneralizedTimenotAfterDateTest8EE,  2010-01-01T08:30:00Z, 2050-01-01T12:01:00Z",
        "Validpre2000UTCnotBeforeDateTest3EE,      1950-01-01T12:01:00Z, 2030-12-31T08:30:00Z"
    })
    void generalizedTimeAndPre2000UtcTimeAreReadAsTheirInstants(String endEntity, Instant notBefore, Instant notAfter) {
        CertificateDescription registered = describe(registerUnder("GoodCACert", endEntity));
        assertThat(registered.validity().notBefore()).isEqualTo(notBefore);
        assertThat(registered.validity().notAfter()).isEqualTo(notAfter);
    }

    @ParameterizedTest
    @CsvSource({
        "basicConstraintsCriticalcAFalseCACert,    InvalidcAFalseTest2EE,                        basicConstraints",
        "basicConstraintsNotCriticalcAFalseCACert, InvalidcAFalseTest3EE,                        basicConstraints",
        "MissingbasicConstraintsCACert,            InvalidMissingbasicConstraintsTest1EE,        basicConstraints",
        "keyUsageCriticalkeyCertSignFalseCACert,   InvalidkeyUsageCriticalkeyCertSignFalseTest1EE, keyCertSign",
        "keyUsageNotCriticalkeyCertSignFalseCACert, InvalidkeyUsageNotCriticalkeyCertSignFalseTest2EE, keyCertSign"
    })
    void aCaThatMayNotSignCertificatesIsRefusedAndSoAreItsEndEntities(String ca, String endEntity, String reason) {
        assertThatThrownBy(() -> registerCa(ca))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining(reason);
        assertThatThrownBy(() -> registerUnder(ca, endEntity))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("not registered");
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(pkits(endEntity))))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("No registered CA");
    }

    /**
     * Policy: AWS IoT accepts RSA (2048 bits or more) and EC P-256/P-384/P-521 keys and no DSA signature, so a DSA
     * CA is refused at registration and a DSA-signed device certificate is refused as unsupported.
     */
    @Test
    void aDsaCaAndADsaSignedEndEntityAreRefusedAsUnsupported() {
        assertThatThrownBy(() -> registerCa("DSACACert"))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("DSA key is not supported");
        assertThatThrownBy(() -> iot.registerCertificateWithoutCA(r -> r.certificatePem(
                        pkits("ValidDSASignaturesTest4EE"))))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("is not supported");
    }

    @Test
    void anIssuerNameThatIsNotTheCasSubjectIsRefused() {
        assertThatThrownBy(() -> registerUnder("GoodCACert", "InvalidNameChainingTest1EE"))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("not signed by");
    }

    @Test
    void anIssuerNameWithTheCasAttributesInAnotherOrderIsRefused() {
        registerCa("NameOrderingCACert");
        assertThatThrownBy(() -> registerUnder("NameOrderingCACert", "InvalidNameChainingOrderTest2EE"))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("not signed by");
    }

    @Test
    void anUnknownCriticalExtensionIsRefusedAndAnUnknownNonCriticalOneIsIgnored() {
        registerCa("TrustAnchorRootCertificate");
        assertThat(registerUnder("TrustAnchorRootCertificate", "ValidUnknownNotCriticalCertificateExtensionTest1EE"))
                .hasSize(64);
        assertThatThrownBy(() -> registerUnder(
                        "TrustAnchorRootCertificate", "InvalidUnknownCriticalCertificateExtensionTest2EE"))
                .isInstanceOf(CertificateValidationException.class)
                .hasMessageContaining("critical extension 2.16.840.1.101.2.1.12.2");
    }

    /**
     * PKITS 4.3.3 to 4.3.5: RFC 5280 section 7.1 compares names after RFC 4518 preparation, so case and runs of
     * spaces do not matter; the registry compares canonical DNs, with or without the CA's PEM in the request.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "ValidNameChainingWhitespaceTest3EE",
        "ValidNameChainingWhitespaceTest4EE",
        "ValidNameChainingCapitalizationTest5EE"
    })
    void anIssuerNameDifferingFromTheCasSubjectOnlyInCaseOrSpacesChainsToTheCa(String endEntity) {
        String byIssuer = iot.registerCertificate(r -> r.certificatePem(pkits(endEntity))).certificateId();
        assertThat(iot.describeCertificate(r -> r.certificateId(byIssuer)).certificateDescription()
                .caCertificateId()).isEqualTo(goodCaId);
        // Past the CA checks, the named CA meets the duplicate: the names chained.
        assertThatThrownBy(() -> registerUnder("GoodCACert", endEntity))
                .isInstanceOf(software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException.class);
    }

    private String registerCa(String name) {
        return iot.registerCACertificate(r -> r.caCertificate(pkits(name)).certificateMode(CertificateMode.SNI_ONLY)
                .setAsActive(true)).certificateId();
    }

    private String registerUnder(String ca, String endEntity) {
        return iot.registerCertificate(r -> r.certificatePem(pkits(endEntity)).caCertificatePem(pkits(ca)))
                .certificateId();
    }

    private CertificateDescription describe(String id) {
        return iot.describeCertificate(r -> r.certificateId(id)).certificateDescription();
    }

    private static String pkits(String name) {
        try (InputStream in = PkitsTest.class.getResourceAsStream("/x509/pkits/" + name + ".crt")) {
            if (in == null) {
                throw new IllegalArgumentException("No PKITS certificate " + name);
            }
            return X509Corpus.pem(name + ".crt", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
