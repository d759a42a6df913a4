package dev.certreg.e2e;

import static dev.certreg.e2e.Registrar.activeCa;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.e2e.Registrar.RegisteredCa;
import dev.certreg.protocol.Members;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ListCertificatesByCaResponse;

class PaginationTest extends RunningServer {
    private static final int DEVICES = 60;

    private RegisteredCa ca;
    private final List<String> oldestFirst = new ArrayList<>();

    @BeforeEach
    void registerDevices() {
        ca = activeCa(iot, "fleet", KeyType.EC);
        for (int i = 0; i < DEVICES; i++) {
            oldestFirst.add(Registrar.registerDevice(iot, ca.ca(), "device-" + i));
        }
    }

    @ParameterizedTest
    @CsvSource({"1, false", "7, false", "7, true", "25, true", "60, false", "250, true"})
    void theSdkPaginatorWalksEveryCertificateOnceInOrder(int pageSize, boolean ascending) {
        List<String> walked = iot.listCertificatesByCAPaginator(
                        r -> r.caCertificateId(ca.id()).pageSize(pageSize).ascendingOrder(ascending))
                .certificates().stream().map(Certificate::certificateId).toList();
        assertThat(walked).containsExactlyElementsOf(expected(ascending));
    }

    @Test
    void theDefaultPageIs25NewestFirstAndTheLastPageHasNoMarker() {
        ListCertificatesByCaResponse first = iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()));
        assertThat(first.certificates()).hasSize(25);
        assertThat(first.certificates().get(0).certificateId()).isEqualTo(oldestFirst.get(DEVICES - 1));
        assertThat(first.nextMarker()).matches(Members.MARKER_PATTERN).hasSizeLessThanOrEqualTo(1024);
        ListCertificatesByCaResponse last = iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()).pageSize(250));
        assertThat(last.nextMarker()).isNull();
        Certificate item = last.certificates().get(0);
        assertThat(item.certificateArn()).endsWith(":cert/" + item.certificateId());
        assertThat(item.statusAsString()).isEqualTo("ACTIVE");
        assertThat(item.certificateModeAsString()).isEqualTo("DEFAULT");
        assertThat(item.creationDate()).isNotNull();
    }

    @Test
    void pageSizeOutsideOneTo250IsRefused() {
        for (int pageSize : new int[] {0, 251, -3}) {
            assertThatThrownBy(() -> iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()).pageSize(pageSize)))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("pageSize");
        }
    }

    @Test
    void aMarkerWorksOnlyForTheListOrderAndAccountThatIssuedIt() {
        String marker = iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()).pageSize(5)).nextMarker();
        RegisteredCa other = activeCa(iot, "other", KeyType.EC);
        List<Runnable> misuses = List.of(
                () -> iot.listCertificatesByCA(r -> r.caCertificateId(other.id()).marker(marker)),
                () -> iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()).marker(marker).ascendingOrder(true)),
                () -> iot.listCertificates(r -> r.marker(marker)),
                () -> client("210987654321", "us-east-1").listCertificatesByCA(
                        r -> r.caCertificateId(ca.id()).marker(marker)),
                () -> client("AKIDEXAMPLE", "eu-west-1").listCertificatesByCA(
                        r -> r.caCertificateId(ca.id()).marker(marker)),
                () -> iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()).marker("Zm9vYmFy")),
                () -> iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()).marker("not base64!")),
                () -> iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()).marker(tampered(marker))));
        for (Runnable misuse : misuses) {
            assertThatThrownBy(misuse::run).isInstanceOf(InvalidRequestException.class);
        }
        assertThat(iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()).marker(marker).pageSize(5))
                .certificates()).hasSize(5);
    }

    @Test
    void aMarkerSurvivesTheDeletionOfTheCertificateItPointsAt() {
        ListCertificatesByCaResponse first = iot.listCertificatesByCA(r -> r.caCertificateId(ca.id()).pageSize(10));
        String lastOfPage = first.certificates().get(9).certificateId();
        iot.updateCertificate(r -> r.certificateId(lastOfPage).newStatus("INACTIVE"));
        iot.deleteCertificate(r -> r.certificateId(lastOfPage));
        List<String> rest = iot.listCertificatesByCA(
                r -> r.caCertificateId(ca.id()).pageSize(250).marker(first.nextMarker())).certificates().stream()
                .map(Certificate::certificateId).toList();
        assertThat(rest).containsExactlyElementsOf(expected(false).subList(10, DEVICES));
    }

    @Test
    void anUnknownCaListsNothingAndAMalformedIdIsRefused() {
        ListCertificatesByCaResponse unknown = iot.listCertificatesByCA(r -> r.caCertificateId("a".repeat(64)));
        assertThat(unknown.certificates()).isEmpty();
        assertThat(unknown.nextMarker()).isNull();
        assertThatThrownBy(() -> iot.listCertificatesByCA(r -> r.caCertificateId("xyz")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void listCertificatesCoversEveryCaAndNone() {
        iot.registerCertificateWithoutCA(r -> r.certificatePem(
                dev.certreg.core.testing.TestPki.selfSignedLeaf("loner").pem()));
        assertThat(iot.listCertificatesPaginator(r -> r.pageSize(13)).certificates()).hasSize(DEVICES + 1);
    }

    private List<String> expected(boolean ascending) {
        List<String> ids = new ArrayList<>(oldestFirst);
        if (!ascending) {
            Collections.reverse(ids);
        }
        return ids;
    }

    private static String tampered(String marker) {
        char[] chars = marker.toCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        return new String(chars);
    }
}
