package dev.certreg.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * botocore's NextToken, byte for byte ({@code docs/client-pagination.md} "NextToken encoding"), and the lenient reading of a
 * StartingToken ("StartingToken decoding").
 */
class NextTokenCodecTest {
    private static final String M10 = "b2Zmc2V0PTEw";

    private static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "b2Zmc2V0PTEw | 0 | eyJtYXJrZXIiOiAiYjJabWMyVjBQVEV3In0=",
        "null         | 7 | eyJtYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiA3fQ==",
        "b2Zmc2V0PTEw | 4 | eyJtYXJrZXIiOiAiYjJabWMyVjBQVEV3IiwgImJvdG9fdHJ1bmNhdGVfYW1vdW50IjogNH0=",
    })
    void theSpecsTokensAreWrittenAndReadByteForByte(String marker, int skip, String token) {
        assertThat(NextTokenCodec.encode(new ResumePoint(marker, skip))).isEqualTo(token);
        assertThat(NextTokenCodec.decode(token)).isEqualTo(new ResumePoint(marker, skip));
    }

    @Test
    void markersAreEscapedAsPythonsJsonDumpsEscapesThem() {
        String marker = "\u00e9\"\\\n\u007f\ud83d\ude00\u0001";
        String token = "eyJtYXJrZXIiOiAiXHUwMGU5XCJcXFxuXHUwMDdmXHVkODNkXHVkZTAwXHUwMDAxIn0=";

        assertThat(NextTokenCodec.encode(new ResumePoint(marker, 0))).isEqualTo(token);
        assertThat(NextTokenCodec.decode(token)).isEqualTo(new ResumePoint(marker, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"boto_truncate_amount\":4,\"marker\":\"b2Zmc2V0PTEw\"}",
        "{ \"marker\" :\n\"b2Zmc2V0PTEw\",\t\"boto_truncate_amount\" : 4 }",
    })
    void anySpacingAndKeyOrderIsRead(String json) {
        assertThat(NextTokenCodec.decode(base64(json))).isEqualTo(new ResumePoint(M10, 4));
    }

    @Test
    void charactersOutsideTheBase64AlphabetAreIgnoredAsPythonIgnoresThem() {
        String wrapped = "eyJtYXJrZXIiOiAiYjJab\nWMyVjBQVEV3In0= ";

        assertThat(NextTokenCodec.decode(wrapped)).isEqualTo(new ResumePoint(M10, 0));
    }

    @Test
    void theMarkerNoneMeansTheBeginning() {
        assertThat(NextTokenCodec.decode(base64("{\"marker\": \"None\"}"))).isEqualTo(ResumePoint.START);
        assertThat(NextTokenCodec.decode("None")).isEqualTo(ResumePoint.START);
    }

    @Test
    void aTokenWithoutMarkerKeyStartsAtTheBeginning() {
        assertThat(NextTokenCodec.decode(base64("{\"boto_truncate_amount\": 1}"))).isEqualTo(new ResumePoint(null, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "b2Zmc2V0PTU=      | b2Zmc2V0PTU= | 0",
        "b2Zmc2V0PTU=___2  | b2Zmc2V0PTU= | 2",
        "None___2          | null         | 2",
        "abc               | abc          | 0",
        "WzEsIDJd          | WzEsIDJd     | 0",
    })
    void whatIsNotABase64JsonObjectIsALegacyTokenOrARawServiceMarker(String token, String marker, int skip) {
        assertThat(NextTokenCodec.decode(token)).isEqualTo(new ResumePoint(marker, skip));
    }

    static Stream<String> invalidTokens() {
        return Stream.of(
                "not-a-token",
                "abc___xyz",
                "a___b___c",
                "",
                "x".repeat(1025),
                base64("{\"NextToken\": \"x\"}"),
                base64("{\"marker\": null, \"boto_truncate_amount\": \"3\"}"),
                base64("{\"marker\": null, \"boto_truncate_amount\": -2}"),
                base64("{\"marker\": null, \"boto_truncate_amount\": 1.5}"),
                base64("{\"marker\": null, \"boto_truncate_amount\": true}"),
                base64("{\"marker\": null, \"boto_truncate_amount\": 3000000000}"),
                base64("{\"marker\": 5}"),
                base64("{\"marker\": \"\"}"),
                base64("{\"marker\": \"YQ==\", \"boto_encoded_keys\": [[\"marker\"]]}"));
    }

    @ParameterizedTest
    @MethodSource("invalidTokens")
    void anInvalidStartingTokenIsRefusedByName(String token) {
        assertThatThrownBy(() -> NextTokenCodec.decode(token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid StartingToken '" + token + "': ");
    }

    @Test
    void anUnknownKeyIsNamedInTheMessage() {
        assertThatThrownBy(() -> NextTokenCodec.decode(base64("{\"marker\": null, \"page_size\": 5}")))
                .hasMessageContaining("unknown key \"page_size\"");
    }

    @Test
    void theBeginningHasNoToken() {
        assertThatThrownBy(() -> NextTokenCodec.encode(ResumePoint.START))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeSkipIsRefused() {
        assertThatThrownBy(() -> new ResumePoint(M10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
