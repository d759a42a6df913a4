package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.testing.TestPki;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.TransferAlreadyCompletedException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.TransferConflictException;

/** The four transfer operations between two accounts of one region, through the AWS SDK. */
class TransferTest extends RunningServer {
    private static final String SOURCE = "111111111111";
    private static final String TARGET = "222222222222";

    private IotClient source;
    private IotClient target;

    @BeforeEach
    void clients() {
        // HttpURLConnection cannot send PATCH, which every transfer operation uses.
        source = client(SOURCE, "us-east-1", Apache5HttpClient.create());
        target = client(TARGET, "us-east-1", Apache5HttpClient.create());
    }

    private static String register(IotClient iot) {
        return iot.registerCertificateWithoutCA(r -> r.certificatePem(TestPki.selfSignedLeaf("x").pem()))
                .certificateId();
    }

    private String transfer(String id) {
        return source.transferCertificate(r -> r.certificateId(id).targetAwsAccount(TARGET).transferMessage("yours"))
                .transferredCertificateArn();
    }

    @Test
    void anAcceptedTransferMovesTheCertificateToTheTargetAccount() {
        String id = register(source);
        CertificateDescription before = source.describeCertificate(r -> r.certificateId(id)).certificateDescription();
        assertThat(transfer(id)).isEqualTo("arn:aws:iot:us-east-1:" + TARGET + ":cert/" + id);
        CertificateDescription offered = target.describeCertificate(r -> r.certificateId(id)).certificateDescription();
        assertThat(offered.status()).isEqualTo(CertificateStatus.PENDING_TRANSFER);
        assertThat(offered.ownedBy()).isEqualTo(SOURCE);
        assertThat(offered.transferData().transferMessage()).isEqualTo("yours");
        assertThat(offered.transferData().transferDate()).isNotNull();
        assertThat(offered.customerVersion()).isEqualTo(before.customerVersion() + 1);
        assertThat(offered.generationId()).isNotEqualTo(before.generationId());

        target.acceptCertificateTransfer(r -> r.certificateId(id).setAsActive(true));

        assertThatThrownBy(() -> source.describeCertificate(r -> r.certificateId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(source.listCertificates(r -> r.pageSize(10)).certificates()).isEmpty();
        CertificateDescription accepted = target.describeCertificate(r -> r.certificateId(id)).certificateDescription();
        assertThat(accepted.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(accepted.ownedBy()).isEqualTo(TARGET);
        assertThat(accepted.previousOwnedBy()).isEqualTo(SOURCE);
        assertThat(accepted.certificateArn()).isEqualTo("arn:aws:iot:us-east-1:" + TARGET + ":cert/" + id);
        assertThat(accepted.transferData().acceptDate()).isNotNull();
        assertThat(accepted.customerVersion()).isEqualTo(before.customerVersion() + 2);
        assertThat(accepted.lastModifiedDate()).isAfter(offered.lastModifiedDate());
    }

    @Test
    void aTransferAcceptedWithoutSetAsActiveLeavesTheCertificateInactive() {
        String id = register(source);
        transfer(id);
        target.acceptCertificateTransfer(r -> r.certificateId(id));
        assertThat(target.describeCertificate(r -> r.certificateId(id)).certificateDescription().status())
                .isEqualTo(CertificateStatus.INACTIVE);
    }

    @Test
    void aRejectedTransferReturnsTheCertificateToItsSourceAsInactive() {
        String id = register(source);
        transfer(id);
        target.rejectCertificateTransfer(r -> r.certificateId(id).rejectReason("not mine"));
        CertificateDescription back = source.describeCertificate(r -> r.certificateId(id)).certificateDescription();
        assertThat(back.status()).isEqualTo(CertificateStatus.INACTIVE);
        assertThat(back.ownedBy()).isEqualTo(SOURCE);
        assertThat(back.transferData().rejectReason()).isEqualTo("not mine");
        assertThat(back.transferData().rejectDate()).isNotNull();
        assertThatThrownBy(() -> target.describeCertificate(r -> r.certificateId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aCancelledTransferReturnsTheCertificateToInactiveAndHidesItFromTheTarget() {
        String id = register(source);
        source.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.REVOKED));
        transfer(id);
        source.cancelCertificateTransfer(r -> r.certificateId(id));
        assertThat(source.describeCertificate(r -> r.certificateId(id)).certificateDescription().status())
                .isEqualTo(CertificateStatus.INACTIVE);
        assertThat(target.listCertificates(r -> r.pageSize(10)).certificates()).isEmpty();
    }

    @Test
    void anActiveCertificateCannotBeTransferred() {
        String id = register(source);
        source.updateCertificate(r -> r.certificateId(id).newStatus(CertificateStatus.ACTIVE));
        assertThatThrownBy(() -> transfer(id)).isInstanceOf(CertificateStateException.class);
    }

    @Test
    void aSecondTransferOfAPendingCertificateConflicts() {
        String id = register(source);
        transfer(id);
        assertThatThrownBy(() -> transfer(id)).isInstanceOf(TransferConflictException.class);
        assertThatThrownBy(() -> source.deleteCertificate(r -> r.certificateId(id)))
                .isInstanceOf(CertificateStateException.class);
        assertThatThrownBy(() -> source.updateCertificate(r -> r.certificateId(id)
                .newStatus(CertificateStatus.ACTIVE))).isInstanceOf(CertificateStateException.class);
    }

    @Test
    void answeringATransferThatIsNotPendingSaysItIsAlreadyCompleted() {
        String id = register(source);
        assertThatThrownBy(() -> source.cancelCertificateTransfer(r -> r.certificateId(id)))
                .isInstanceOf(TransferAlreadyCompletedException.class);
        transfer(id);
        target.acceptCertificateTransfer(r -> r.certificateId(id));
        assertThatThrownBy(() -> target.acceptCertificateTransfer(r -> r.certificateId(id)))
                .isInstanceOf(TransferAlreadyCompletedException.class);
        assertThatThrownBy(() -> target.rejectCertificateTransfer(r -> r.certificateId(id)))
                .isInstanceOf(TransferAlreadyCompletedException.class);
        assertThatThrownBy(() -> source.cancelCertificateTransfer(r -> r.certificateId(id)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void answeringATransferThatWasRejectedOrCancelledSaysItIsAlreadyCompleted() {
        String rejected = register(source);
        transfer(rejected);
        target.rejectCertificateTransfer(r -> r.certificateId(rejected));
        assertThatThrownBy(() -> target.acceptCertificateTransfer(r -> r.certificateId(rejected)))
                .isInstanceOfSatisfying(TransferAlreadyCompletedException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(410));
        assertThatThrownBy(() -> target.rejectCertificateTransfer(r -> r.certificateId(rejected)))
                .isInstanceOf(TransferAlreadyCompletedException.class);
        String cancelled = register(source);
        transfer(cancelled);
        source.cancelCertificateTransfer(r -> r.certificateId(cancelled));
        assertThatThrownBy(() -> target.acceptCertificateTransfer(r -> r.certificateId(cancelled)))
                .isInstanceOf(TransferAlreadyCompletedException.class);
        String neverOffered = register(source);
        assertThatThrownBy(() -> target.acceptCertificateTransfer(r -> r.certificateId(neverOffered)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void unknownCertificatesAreNotFound() {
        String unknown = "ab".repeat(32);
        assertThatThrownBy(() -> target.acceptCertificateTransfer(r -> r.certificateId(unknown)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> source.transferCertificate(r -> r.certificateId(unknown).targetAwsAccount(TARGET)))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aTransferToTheOwningAccountOrAMalformedAccountIsRefused() {
        String id = register(source);
        assertThatThrownBy(() -> source.transferCertificate(r -> r.certificateId(id).targetAwsAccount(SOURCE)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> source.transferCertificate(r -> r.certificateId(id).targetAwsAccount("12345")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aTargetThatAlreadyHoldsTheCertificateCannotBeOfferedIt() {
        String pem = TestPki.selfSignedLeaf("shared").pem();
        String id = source.registerCertificateWithoutCA(r -> r.certificatePem(pem)).certificateId();
        target.registerCertificateWithoutCA(r -> r.certificatePem(pem));
        assertThatThrownBy(() -> transfer(id)).isInstanceOf(TransferConflictException.class);
    }

    @Test
    void aCertificateOfferedToTheTargetIsAlreadyRegisteredThere() {
        String pem = TestPki.selfSignedLeaf("offered").pem();
        String id = source.registerCertificateWithoutCA(r -> r.certificatePem(pem)).certificateId();
        transfer(id);
        assertThatThrownBy(() -> target.registerCertificateWithoutCA(r -> r.certificatePem(pem)))
                .isInstanceOfSatisfying(ResourceAlreadyExistsException.class,
                        e -> assertThat(e.resourceArn()).isEqualTo("arn:aws:iot:us-east-1:" + TARGET + ":cert/" + id));
    }

    @Test
    void theTargetsListWalksItsOwnAndPendingCertificatesOnceEachInOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String offered = register(source);
            transfer(offered);
            expected.add(offered);
            expected.add(register(target));
        }
        register(source);
        List<String> reversed = new ArrayList<>(expected);
        Collections.reverse(reversed);
        List<Certificate> newestFirst = target.listCertificatesPaginator(r -> r.pageSize(1)).certificates()
                .stream().toList();
        assertThat(newestFirst).extracting(Certificate::certificateId)
                .containsExactlyElementsOf(reversed);
        assertThat(newestFirst).filteredOn(c -> c.status() == CertificateStatus.PENDING_TRANSFER).hasSize(3);
        assertThat(target.listCertificatesPaginator(r -> r.pageSize(1).ascendingOrder(true)).certificates()
                .stream().map(Certificate::certificateId).toList()).containsExactlyElementsOf(expected);
        assertThat(source.listCertificates(r -> r.pageSize(10)).certificates()).hasSize(4);
    }

    @Test
    void aTransferRacingTheTargetsOwnRegistrationHasOneWinnerAndTheLoserGets409() throws Exception {
        for (int round = 0; round < 10; round++) {
            String pem = TestPki.selfSignedLeaf("raced " + round).pem();
            String id = source.registerCertificateWithoutCA(r -> r.certificatePem(pem)).certificateId();
            List<Integer> statuses = statusesTogether(List.of(
                    () -> transfer(id),
                    () -> target.registerCertificateWithoutCA(r -> r.certificatePem(pem))));
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 409);
        }
        List<String> listed = target.listCertificatesPaginator(r -> r.pageSize(5)).certificates().stream()
                .map(Certificate::certificateId).toList();
        assertThat(listed).hasSize(10).doesNotHaveDuplicates();
    }
}
