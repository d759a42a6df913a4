package dev.certreg.e2e;

import static dev.certreg.e2e.Registrar.registerCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AutoRegistrationStatus;
import software.amazon.awssdk.services.iot.model.CACertificateDescription;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;
import software.amazon.awssdk.services.iot.model.DescribeCaCertificateResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.RegistrationCodeValidationException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

class CaCertificateTest extends RunningServer {

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aCaWithProofOfPossessionRegistersUnderTheSha256OfItsDer(KeyType type) throws Exception {
        Issued ca = TestPki.ca("fleet " + type, type);
        String id = registerCa(iot, ca, true);

        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(ca.certificate().getEncoded()));
        assertThat(id).isEqualTo(expected);
        CACertificateDescription description =
                iot.describeCACertificate(r -> r.certificateId(id)).certificateDescription();
        assertThat(description.certificateArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:cacert/" + id);
        assertThat(description.status()).isEqualTo(CACertificateStatus.ACTIVE);
        assertThat(description.certificatePem()).isEqualTo(ca.pem());
        assertThat(description.ownedBy()).isEqualTo(DEFAULT_ACCOUNT);
        assertThat(description.autoRegistrationStatus()).isEqualTo(AutoRegistrationStatus.DISABLE);
        assertThat(description.certificateMode()).isEqualTo(CertificateMode.DEFAULT);
        assertThat(description.customerVersion()).isEqualTo(1);
        assertThat(description.generationId()).isNotBlank();
        assertThat(description.validity().notAfter()).isEqualTo(ca.certificate().getNotAfter().toInstant());
    }

    @Test
    void theRegistrationCodeIsStableUntilDeleted() {
        String code = iot.getRegistrationCode(r -> {}).registrationCode();
        assertThat(code).matches("[0-9a-f]{64}");
        assertThat(iot.getRegistrationCode(r -> {}).registrationCode()).isEqualTo(code);
        assertThat(client("AKIDEXAMPLE", "eu-west-1").getRegistrationCode(r -> {}).registrationCode())
                .isNotEqualTo(code);
        iot.deleteRegistrationCode(r -> {});
        assertThatThrownBy(() -> iot.deleteRegistrationCode(r -> {})).isInstanceOf(ResourceNotFoundException.class);
        assertThat(iot.getRegistrationCode(r -> {}).registrationCode()).isNotEqualTo(code);
    }

    @Test
    void aVerificationCertificateForAnotherCodeIsRefused() {
        Issued ca = TestPki.ca("ca", KeyType.EC);
        iot.getRegistrationCode(r -> {});
        Issued verification = ca.issue("0".repeat(64));
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                        .verificationCertificate(verification.pem())))
                .isInstanceOf(RegistrationCodeValidationException.class);
    }

    @Test
    void aVerificationCertificateNotSignedByTheCaIsRefused() {
        Issued ca = TestPki.ca("ca", KeyType.EC);
        Issued impostor = TestPki.ca("ca", KeyType.EC);
        String code = iot.getRegistrationCode(r -> {}).registrationCode();
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                        .verificationCertificate(impostor.issue(code).pem())))
                .isInstanceOf(CertificateValidationException.class)
                .hasMessageContaining("not signed by the CA");
    }

    @Test
    void aCertificateWithoutBasicConstraintsIsNotACa() {
        Issued leaf = TestPki.selfSignedLeaf("not a ca");
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(leaf.pem())
                        .certificateMode(CertificateMode.SNI_ONLY)))
                .isInstanceOf(CertificateValidationException.class)
                .hasMessageContaining("basicConstraints");
    }

    @Test
    void theModeDecidesWhetherAVerificationCertificateIsRequired() {
        Issued ca = TestPki.ca("ca", KeyType.EC);
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(ca.pem())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("verificationCertificate");
        String code = iot.getRegistrationCode(r -> {}).registrationCode();
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                        .certificateMode(CertificateMode.SNI_ONLY).verificationCertificate(ca.issue(code).pem())))
                .isInstanceOf(InvalidRequestException.class);
        String id = iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                .certificateMode(CertificateMode.SNI_ONLY)).certificateId();
        assertThat(iot.describeCACertificate(r -> r.certificateId(id)).certificateDescription().certificateMode())
                .isEqualTo(CertificateMode.SNI_ONLY);
    }

    @Test
    void aSecondRegistrationNamesTheExistingCa() {
        Issued ca = TestPki.ca("ca", KeyType.RSA);
        String id = registerCa(iot, ca, false);
        assertThatThrownBy(() -> registerCa(iot, ca, false))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.resourceId()).isEqualTo(id);
                    assertThat(e.resourceArn()).endsWith(":cacert/" + id);
                });
    }

    @Test
    void aDefaultModeCaBelongsToOneAccountPerRegionButSniOnlyIsShared() {
        Issued ca = TestPki.ca("shared", KeyType.EC);
        registerCa(iot, ca, true);
        IotClient otherAccount = client("210987654321", "us-east-1");
        assertThatThrownBy(() -> registerCa(otherAccount, ca, true))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        String sniId = otherAccount.registerCACertificate(r -> r.caCertificate(ca.pem())
                .certificateMode(CertificateMode.SNI_ONLY)).certificateId();
        assertThat(otherAccount.describeCACertificate(r -> r.certificateId(sniId)).certificateDescription()
                .certificateArn()).contains(":210987654321:cacert/");
        assertThat(registerCa(client("AKIDEXAMPLE", "eu-west-1"), ca, true)).isEqualTo(sniId);
    }

    @Test
    void anExpiredCaIsRefused() {
        Issued root = TestPki.ca("root", KeyType.EC);
        clock.advance(Duration.ofDays(3651));
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(root.pem())
                        .certificateMode(CertificateMode.SNI_ONLY)))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("not valid at");
    }

    @Test
    void elevenCasWithOneSubjectExceedTheLimit() throws Exception {
        java.security.KeyPair key = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        org.bouncycastle.asn1.x500.X500Name subject = new org.bouncycastle.asn1.x500.X500Name("CN=same subject");
        for (int i = 0; i < 10; i++) {
            Issued ca = TestPki.ca(subject, key, KeyType.EC);
            iot.registerCACertificate(r -> r.caCertificate(ca.pem()).certificateMode(CertificateMode.SNI_ONLY));
        }
        Issued eleventh = TestPki.ca(subject, key, KeyType.EC);
        assertThatThrownBy(() -> iot.registerCACertificate(r -> r.caCertificate(eleventh.pem())
                        .certificateMode(CertificateMode.SNI_ONLY)))
                .isInstanceOf(LimitExceededException.class);
    }

    @Test
    void twentyConcurrentCasWithOneSubjectStopAtTheLimit() throws Exception {
        java.security.KeyPair key = java.security.KeyPairGenerator.getInstance("EC").generateKeyPair();
        org.bouncycastle.asn1.x500.X500Name subject = new org.bouncycastle.asn1.x500.X500Name("CN=raced subject");
        List<Runnable> registrations = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Issued ca = TestPki.ca(subject, key, KeyType.EC);
            registrations.add(() -> iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                    .certificateMode(CertificateMode.SNI_ONLY)));
        }
        List<Integer> statuses = statusesTogether(registrations);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(10);
        assertThat(statuses).filteredOn(status -> status == 410).hasSize(10);
        assertThat(iot.listCACertificates(r -> r.pageSize(50)).certificates()).hasSize(10);
    }

    @Test
    void anUpdateChangesOnlyWhatItNamesAndBumpsTheVersion() {
        String id = registerCa(iot, TestPki.ca("ca", KeyType.EC), false);
        Instant before = describe(id).certificateDescription().lastModifiedDate();
        iot.updateCACertificate(r -> r.certificateId(id).newStatus(CACertificateStatus.ACTIVE)
                .registrationConfig(c -> c.templateName("provisioning").roleArn("arn:aws:iam::123456789012:role/x")));
        DescribeCaCertificateResponse updated = describe(id);
        assertThat(updated.certificateDescription().status()).isEqualTo(CACertificateStatus.ACTIVE);
        assertThat(updated.certificateDescription().autoRegistrationStatus()).isEqualTo(AutoRegistrationStatus.DISABLE);
        assertThat(updated.certificateDescription().customerVersion()).isEqualTo(2);
        assertThat(updated.certificateDescription().lastModifiedDate()).isAfter(before);
        assertThat(updated.registrationConfig().templateName()).isEqualTo("provisioning");

        iot.updateCACertificate(r -> r.certificateId(id).removeAutoRegistration(true)
                .newAutoRegistrationStatus(AutoRegistrationStatus.ENABLE));
        DescribeCaCertificateResponse cleared = describe(id);
        assertThat(cleared.registrationConfig()).isNull();
        assertThat(cleared.certificateDescription().autoRegistrationStatus()).isEqualTo(AutoRegistrationStatus.ENABLE);
        assertThatThrownBy(() -> iot.updateCACertificate(r -> r.certificateId(id).removeAutoRegistration(true)
                        .registrationConfig(c -> c.templateName("t"))))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anActiveCaCannotBeDeletedAnInactiveOneCan() {
        String id = registerCa(iot, TestPki.ca("ca", KeyType.EC), true);
        assertThatThrownBy(() -> iot.deleteCACertificate(r -> r.certificateId(id)))
                .isInstanceOf(CertificateStateException.class);
        iot.updateCACertificate(r -> r.certificateId(id).newStatus(CACertificateStatus.INACTIVE));
        iot.deleteCACertificate(r -> r.certificateId(id));
        assertThatThrownBy(() -> describe(id)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.deleteCACertificate(r -> r.certificateId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listCaCertificatesPagesAndFiltersOnTheTemplate() {
        String first = registerCa(iot, TestPki.ca("a", KeyType.EC), true);
        String second = registerCa(iot, TestPki.ca("b", KeyType.EC), true);
        iot.updateCACertificate(r -> r.certificateId(second).registrationConfig(c -> c.templateName("jitp")));
        assertThat(iot.listCACertificatesPaginator(r -> r.pageSize(1)).certificates())
                .extracting(c -> c.certificateId()).containsExactly(second, first);
        assertThat(iot.listCACertificates(r -> r.templateName("jitp")).certificates())
                .extracting(c -> c.certificateId()).containsExactly(second);
    }

    private DescribeCaCertificateResponse describe(String id) {
        return iot.describeCACertificate(r -> r.certificateId(id));
    }
}
