package dev.certreg.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.Certificate;
import software.amazon.awssdk.services.iot.model.CertificateDescription;
import software.amazon.awssdk.services.iot.model.CertificateValidity;
import software.amazon.awssdk.services.iot.model.DescribeCertificateResponse;
import software.amazon.awssdk.services.iot.model.ListCertificatesResponse;
import software.amazon.awssdk.services.iot.model.TransferData;

class ModelDocumentTest {
    private static final Instant CREATED = Instant.ofEpochMilli(1_795_659_742_736L);

    @Test
    void membersKeepTheModelsOrderAndAbsentOnesAreLeftOut() {
        DescribeCertificateResponse response = DescribeCertificateResponse.builder()
                .certificateDescription(CertificateDescription.builder()
                        .certificateMode("DEFAULT").status("ACTIVE").certificateId("c1").customerVersion(1)
                        .transferData(TransferData.builder().build())
                        .validity(CertificateValidity.builder().notAfter(CREATED).notBefore(CREATED).build())
                        .build())
                .build();

        Map<String, Object> document = ModelDocument.of(response);

        @SuppressWarnings("unchecked")
        Map<String, Object> description = (Map<String, Object>) document.get("certificateDescription");
        assertThat(description).containsExactly(
                Map.entry("certificateId", "c1"),
                Map.entry("status", "ACTIVE"),
                Map.entry("customerVersion", 1),
                Map.entry("transferData", Map.of()),
                Map.entry("validity", Map.of("notBefore", 1795659742.736, "notAfter", 1795659742.736)),
                Map.entry("certificateMode", "DEFAULT"));
    }

    @Test
    void timestampsBecomeTheEpochSecondsPythonWouldParse() {
        assertThat(ModelDocument.epochSeconds(Instant.ofEpochSecond(1_795_656_133L))).isEqualTo(1795656133.0);
        assertThat(ModelDocument.epochSeconds(Instant.ofEpochSecond(1_795_659_742L, 123_456_789)))
                .isEqualTo(Double.parseDouble("1795659742.123456789"));
    }

    @Test
    void aListTheServerSentEmptyIsKeptButAnAbsentOneIsNot() {
        assertThat(ModelDocument.of(ListCertificatesResponse.builder().certificates(List.of()).build()))
                .containsExactly(Map.entry("certificates", List.of()));
        assertThat(ModelDocument.of(ListCertificatesResponse.builder().nextMarker("m").build()))
                .containsExactly(Map.entry("nextMarker", "m"));
    }

    @Test
    void aMapOfModelObjectsHasItsValuesConverted() {
        Certificate certificate = Certificate.builder().certificateId("c1").creationDate(CREATED).build();

        assertThat(ModelDocument.of(Map.of("certificates", List.of(certificate))))
                .isEqualTo(Map.of("certificates", List.of(Map.of("certificateId", "c1",
                        "creationDate", 1795659742.736))));
    }
}
