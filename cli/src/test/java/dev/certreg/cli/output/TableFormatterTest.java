package dev.certreg.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each {@code name.json} document here rendered as a table must equal {@code name.table}, which the AWS CLI v1's own
 * {@code TableFormatter} wrote ({@code regenerate.py} beside them).
 */
class TableFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "list-certificates-by-ca, ListCertificatesByCA",
        "describe-ca-certificate, DescribeCACertificate",
        "get-registration-code, GetRegistrationCode",
        "empty-list, ListCertificates",
        "nested, Nested"
    })
    void tablesAreTheAwsClisByteForByte(String name, String title) throws IOException {
        Map<String, Object> document = JSON.readValue(resource(name + ".json"), new TypeReference<>() {});

        assertThat(TableFormatter.render(title, document)).isEqualTo(resource(name + ".table"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"list-certificates-by-ca", "describe-ca-certificate", "get-registration-code"})
    void aDocumentReadFromTheCliJsonIsWrittenBackUnchanged(String name) throws IOException {
        String json = resource(name + ".json");
        Map<String, Object> document = JSON.readValue(json, new TypeReference<>() {});

        assertThat(OutputFormat.JSON.render("Any", document)).isEqualTo(json);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"JSON", "TABLE"})
    void anEmptyDocumentPrintsNothing(OutputFormat format) {
        assertThat(format.render("UpdateCertificate", Map.of())).isEmpty();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = TableFormatterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
