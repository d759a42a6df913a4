package dev.certreg.e2e;

import static dev.certreg.e2e.Registrar.activeCa;
import static dev.certreg.e2e.Registrar.registerCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.e2e.Registrar.RegisteredCa;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateConflictException;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateMode;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

class DeviceCertificateTest extends RunningServer {

    @Test
    void aDeviceSignedByAnActiveCaRegistersWithTheCasMode() {
        RegisteredCa ca = activeCa(iot, "fleet", KeyType.RSA);
        Issued device = ca.ca().issue("device-1");
        String id = iot.registerCertificate(r -> r.certificatePem(device.pem()).caCertificatePem(ca.ca().pem()))
                .certificateId();

        CertificateDescription d = describe(id);
        assertThat(d.certificateArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:cert/" + id);
        assertThat(d.caCertificateId()).isEqualTo(ca.id());
        assertThat(d.status()).isEqualTo(CertificateStatus.INACTIVE);
        assertThat(d.certificateMode()).isEqualTo(CertificateMode.DEFAULT);
        assertThat(d.certificatePem()).isEqualTo(device.pem());
        assertThat(d.ownedBy()).isEqualTo(DEFAULT_ACCOUNT);
        assertThat(d.customerVersion()).isEqualTo(1);
        assertThat(d.transferData()).isNotNull();
        assertThat(d.validity().notBefore()).isEqualTo(device.certificate().getNotBefore().toInstant());
    }

    @Test
    @SuppressWarnings("deprecation") // setAsActive is deprecated in the model, yet SDKs still send it
    void withoutTheCaPemTheCaIsFoundByIssuerAndKey() {
        RegisteredCa ca = activeCa(iot, "fleet", KeyType.EC);
        String id = iot.registerCertificate(r -> r.certificatePem(ca.ca().issue("d").pem()).setAsActive(true))
                .certificateId();
        assertThat(describe(id).caCertificateId()).isEqualTo(ca.id());
        assertThat(describe(id).status()).isEqualTo(CertificateStatus.ACTIVE);
    }

    @Test
    void twoRegisteredCasWithTheSameSubjectAndKeyConflict() {
        Issued first = TestPki.ca("twin", KeyType.EC);
        Issued second = TestPki.ca(org.bouncycastle.asn1.x500.X500Name.getInstance(
                first.certificate().getSubjectX500Principal().getEncoded()), first.keyPair(), KeyType.EC);
        iot.registerCACertificate(r -> r.caCertificate(first.pem()).certificateMode(CertificateMode.SNI_ONLY)
                .setAsActive(true));
        iot.registerCACertificate(r -> r.caCertificate(second.pem()).certificateMode(CertificateMode.SNI_ONLY)
                .setAsActive(true));
        Issued device = first.issue("d");
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(device.pem())))
                .isInstanceOf(CertificateConflictException.class);
        String id = iot.registerCertificate(r -> r.certificatePem(device.pem()).caCertificatePem(second.pem()))
                .certificateId();
        assertThat(describe(id).certificateMode()).isEqualTo(CertificateMode.SNI_ONLY);
    }

    @Test
    void aDeviceSignedByAnotherKeyIsRefused() {
        RegisteredCa ca = activeCa(iot, "fleet", KeyType.EC);
        Issued impostor = TestPki.ca("fleet", KeyType.EC);
        Issued device = impostor.issue("d");
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(device.pem())
                        .caCertificatePem(ca.ca().pem())))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("not signed by");
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(device.pem())))
                .isInstanceOf(CertificateValidationException.class);
    }

    @Test
    void aCaThatIsNotRegisteredHereCannotVouch() {
        Issued unregistered = TestPki.ca("elsewhere", KeyType.EC);
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(unregistered.issue("d").pem())
                        .caCertificatePem(unregistered.pem())))
                .isInstanceOf(CertificateValidationException.class).hasMessageContaining("not registered");
    }

    @Test
    void anInactiveCaCannotRegisterDevices() {
        Issued ca = TestPki.ca("sleepy", KeyType.EC);
        registerCa(iot, ca, false);
        assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(ca.issue("d").pem())
                        .caCertificatePem(ca.pem())))
                .isInstanceOf(CertificateStateException.class).extracting(e -> ((CertificateStateException) e)
                        .statusCode()).isEqualTo(406);
    }

    @Test
    void anExpiredOrNotYetValidCertificateIsRefused() {
        RegisteredCa ca = activeCa(iot, "fleet", KeyType.EC);
        Issued expired = ca.ca().issue("old", KeyType.EC, Instant.now().minus(Duration.ofDays(10)),
                Duration.ofDays(1));
        Issued future = ca.ca().issue("new", KeyType.EC, Instant.now().plus(Duration.ofDays(10)),
                Duration.ofDays(1));
        for (Issued device : new Issued[] {expired, future}) {
            assertThatThrownBy(() -> iot.registerCertificate(r -> r.certificatePem(device.pem())
                            .caCertificatePem(ca.ca().pem())))
                    .isInstanceOf(CertificateValidationException.class).hasMessageContaining("not valid at");
        }
    }

    @Test
    void malformedPemIsACertificateValidationError() {
        String body = "-----BEGIN CERTIFICATE-----\nTm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";
        for (String pem : new String[] {"hello", body, "-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----"}) {
            assertThatThrownBy(() -> iot.registerCertificateWithoutCA(r -> r.certificatePem(pem)))
                    .isInstanceOf(CertificateValidationException.class);
        }
    }

    @Test
    void aDuplicateNamesTheExistingCertificateAndOtherAccountsMayRegisterIt() {
        Issued device = TestPki.selfSignedLeaf("solo");
        String id = iot.registerCertificateWithoutCA(r -> r.certificatePem(device.pem())).certificateId();
        String crlf = device.pem().replace("\n", "\r\n");
        assertThatThrownBy(() -> iot.registerCertificateWithoutCA(r -> r.certificatePem(crlf)))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class, e -> {
                    assertThat(e.resourceId()).isEqualTo(id);
                    assertThat(e.resourceArn()).isEqualTo("arn:aws:iot:us-east-1:123456789012:cert/" + id);
                    assertThat(e.getMessage()).contains("already provisioned or registered");
                });
        assertThat(client("210987654321", "us-east-1")
                .registerCertificateWithoutCA(r -> r.certificatePem(device.pem())).certificateId()).isEqualTo(id);
    }

    @Test
    void aCertificateWithoutCaIsSniOnlyAndTakesTheRequestedStatus() {
        String id = iot.registerCertificateWithoutCA(r -> r.certificatePem(TestPki.selfSignedLeaf("x").pem())
                .status(CertificateStatus.REVOKED)).certificateId();
        assertThat(describe(id).certificateMode()).isEqualTo(CertificateMode.SNI_ONLY);
        assertThat(describe(id).status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(describe(id).caCertificateId()).isNull();
        assertThatThrownBy(() -> iot.registerCertificateWithoutCA(r -> r.certificatePem(
                        TestPki.selfSignedLeaf("y").pem()).status(CertificateStatus.PENDING_TRANSFER)))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theStatusMachineAllowsWhatTheApiAllows() {
        String id = iot.registerCertificateWithoutCA(r -> r.certificatePem(TestPki.selfSignedLeaf("x").pem()))
                .certificateId();
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.ACTIVE));
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.ACTIVE));
        assertThat(describe(id).customerVersion()).isEqualTo(2);
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.INACTIVE));
        assertThatThrownBy(() -> iot.updateCertificate(r -> r.certificateId(id)
                        .newStatus(CertificateStatus.PENDING_ACTIVATION)))
                .isInstanceOf(InvalidRequestException.class);
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.REVOKED));
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.REVOKED));
        assertThatThrownBy(() -> iot.updateCertificate(r -> r.certificateId(id)
                        .newStatus(CertificateStatus.ACTIVE)))
                .isInstanceOf(CertificateStateException.class).hasMessageContaining("REVOKED");
        assertThat(describe(id).status()).isEqualTo(CertificateStatus.REVOKED);
        assertThatThrownBy(() -> iot.updateCertificate(r -> r.certificateId("f".repeat(64))
                        .newStatus(CertificateStatus.ACTIVE)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void anActiveCertificateMustBeDeactivatedBeforeDeletion() {
        String id = iot.registerCertificateWithoutCA(r -> r.certificatePem(TestPki.selfSignedLeaf("x").pem())
                .status(CertificateStatus.ACTIVE)).certificateId();
        assertThatThrownBy(() -> iot.deleteCertificate(r -> r.certificateId(id).forceDelete(true)))
                .isInstanceOf(CertificateStateException.class).hasMessageContaining("deactivated");
        iot.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.INACTIVE));
        iot.deleteCertificate(r -> r.certificateId(id));
        assertThatThrownBy(() -> describe(id)).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.deleteCertificate(r -> r.certificateId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void idsInPathsAreCaseInsensitive() {
        String id = iot.registerCertificateWithoutCA(r -> r.certificatePem(TestPki.selfSignedLeaf("x").pem()))
                .certificateId();
        assertThat(describe(id.toUpperCase(Locale.ROOT)).certificateId()).isEqualTo(id);
    }

    @Test
    void aDeletedCaStillListsItsCertificatesAndTheyKeepTheirCaId() {
        RegisteredCa ca = activeCa(iot, "fleet", KeyType.EC);
        String device = Registrar.registerDevice(iot, ca.ca(), "d");
        iot.updateCACertificate(r -> r.certificateId(ca.id()).newStatus(CACertificateStatus.INACTIVE));
        iot.deleteCACertificate(r -> r.certificateId(ca.id()));
        assertThat(describe(device).caCertificateId()).isEqualTo(ca.id());
        assertThat(iot.listCertificatesByCA(r -> r.caCertificateId(ca.id())).certificates())
                .extracting(c -> c.certificateId()).containsExactly(device);
    }

    private CertificateDescription describe(String id) {
        return iot.describeCertificate(r -> r.certificateId(id)).certificateDescription();
    }
}
