package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.ServiceException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One parse of the query for the signature and the handlers: {@code +} is a plus, order and repeats are kept. */
class QueryStringTest {
    @Test
    void pairsAreSplitAtTheFirstEqualsAndDecodedWithPlusKept() {
        assertThat(QueryString.parse("marker=AB%2Bc%2Fd%3D%3D&raw=AB+c/d==&flag&x=a=b&%E1%88%B4=%20"))
                .containsExactly(new QueryParameter("marker", "AB+c/d=="), new QueryParameter("raw", "AB+c/d=="),
                        new QueryParameter("flag", ""), new QueryParameter("x", "a=b"),
                        new QueryParameter("ሴ", " "));
    }

    @Test
    void noQueryAndAnEmptyQueryHaveNoParameters() {
        assertThat(QueryString.parse(null)).isEmpty();
        assertThat(QueryString.parse("")).isEmpty();
    }

    @Test
    void repeatsKeepTheirOrderForTheSignatureButHandlersRefuseThem() {
        RawRequest request = RawRequest.of("GET", "/certificates", "pageSize=2&pageSize=3", Map.of(), new byte[0]);
        assertThat(request.queryParameters()).extracting(QueryParameter::value).containsExactly("2", "3");
        assertThatThrownBy(request::query).isInstanceOf(ServiceException.class)
                .hasMessage("The query parameter pageSize is given more than once");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"=value", "a=1&&b=2", "a=1&", "&a=1"})
    void aParameterWithoutANameIsAnInvalidRequest(String rawQuery) {
        assertThatThrownBy(() -> QueryString.parse(rawQuery)).isInstanceOf(ServiceException.class)
                .hasMessage("The query string has a parameter without a name");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"marker=%", "marker=%2", "marker=%zz", "marker=%FF", "m%G0=1", "marker=%٣٣"})
    void aBadEscapeIsAnInvalidRequest(String rawQuery) {
        assertThatThrownBy(() -> QueryString.parse(rawQuery)).isInstanceOf(ServiceException.class)
                .hasMessage("The query string is not correctly percent-encoded UTF-8");
    }

    @Test
    void aRawRequestShowsNoHeaderValuesWhenPrinted() {
        RawRequest request = RawRequest.of("GET", "/certificates", "X-Amz-Signature=abc", Map.of("authorization",
                List.of("AWS4-HMAC-SHA256 Credential=AKID/x, Signature=secretish")), new byte[0]);
        assertThat(request.toString()).contains("authorization").doesNotContain("secretish").doesNotContain("abc");
    }
}
