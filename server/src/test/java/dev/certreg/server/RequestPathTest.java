package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.ServiceException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The path SigV4 canonicalises and the router matches: one normalisation of the raw path for both. */
class RequestPathTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "'', /",
        "/, /",
        "//, /",
        "/./, /",
        "/./example, /example",
        "//example//, /example/",
        "/example/.., /",
        "/example1/example2/../.., /",
        "/a/b/.., /a",
        "/a/b/../, /a/",
        "/../a, /a",
        "/a/./b/, /a/b/",
        "/a%2E%2E/b, /a%2E%2E/b",
        "/%2E%2E/b, /%2E%2E/b",
        "/certificates/abc, /certificates/abc",
    })
    void dotSegmentsAndEmptySegmentsGoAndATrailingSlashStays(String raw, String normalized) {
        assertThat(RequestPath.normalize(raw)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/certificates//abc/, /certificates/abc/",
        "/./registrationcode, /registrationcode",
        "/a%20b+c, /a b+c",
        "/%E1%88%B4, /ሴ",
    })
    void theRouterReadsTheNormalisedPathDecoded(String raw, String routed) {
        assertThat(RequestPath.routed(raw)).isEqualTo(routed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/a%2", "/a%zz", "/%FF", "/%C3"})
    void aBadEscapeInThePathIsAnInvalidRequest(String raw) {
        assertThatThrownBy(() -> RequestPath.routed(raw)).isInstanceOf(ServiceException.class)
                .hasMessage("The path is not correctly percent-encoded UTF-8");
    }
}
