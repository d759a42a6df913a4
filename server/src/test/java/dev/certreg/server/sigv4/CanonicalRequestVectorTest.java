package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.certreg.server.RawRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/sigv4-verifier.md "Tests": each {@code request.txt}, read literally and given what a signer adds (the date, the
 * token, the body hash, or the presigned parameters), canonicalises to the suite's canonical request, string to sign
 * and signature, for the header and the query variant of all 38 cases. {@code normalize} comes from {@code
 * context.json}.
 */
class CanonicalRequestVectorTest {

    static Stream<Arguments> cases() {
        return VectorCase.all().stream().flatMap(c -> Stream.of(Arguments.of(c, "header"), Arguments.of(c, "query")));
    }

    @Test
    void theSuiteHasThirtyEightCases() {
        assertThat(VectorCase.all()).hasSize(38);
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("cases")
    void eachRequestCanonicalisesSignsAndMatchesTheSuite(VectorCase vector, String variant) {
        JsonNode context = vector.context();
        RawRequest unsigned = HttpText.parse(vector.text("request.txt"));
        boolean presigned = variant.equals("query");
        Map<String, List<String>> headers = new LinkedHashMap<>(unsigned.headers());
        List<String> signedHeaders;
        String rawQuery = unsigned.rawQuery();
        if (presigned) {
            signedHeaders = sortedNames(headers);
            rawQuery = join(rawQuery, presignedParameters(context, String.join(";", signedHeaders)));
        } else {
            addSignerHeaders(headers, context, unsigned.body());
            signedHeaders = sortedNames(headers);
        }
        RawRequest request = RawRequest.of(unsigned.method(), unsigned.rawPath(), rawQuery, headers, unsigned.body());

        String canonical = CanonicalRequest.of(request, signedHeaders, presigned,
                SigningKey.sha256Hex(request.body()), context.get("normalize").asBoolean());
        String stringToSign = SigningKey.stringToSign(VectorCase.AMZ_DATE, VectorCase.SCOPE, canonical);
        String signature = SigningKey.derive(VectorCase.SECRET, "20150830", "us-east-1", "service")
                .sign(stringToSign);

        assertThat(canonical).isEqualTo(vector.text(variant + "-canonical-request.txt"));
        assertThat(stringToSign).isEqualTo(vector.text(variant + "-string-to-sign.txt"));
        assertThat(signature).isEqualTo(vector.text(variant + "-signature.txt"));
    }

    private static void addSignerHeaders(Map<String, List<String>> headers, JsonNode context, byte[] body) {
        headers.put("x-amz-date", List.of(VectorCase.AMZ_DATE));
        String token = sessionToken(context);
        if (token != null) {
            headers.put("x-amz-security-token", List.of(token));
        }
        if (context.get("sign_body").asBoolean()) {
            headers.put("x-amz-content-sha256", List.of(SigningKey.sha256Hex(body)));
        }
    }

    private static String presignedParameters(JsonNode context, String signedHeaders) {
        String parameters = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=" + UriEncoding.component(VectorCase.ACCESS_KEY + "/" + VectorCase.SCOPE)
                + "&X-Amz-Date=" + VectorCase.AMZ_DATE
                + "&X-Amz-SignedHeaders=" + UriEncoding.component(signedHeaders)
                + "&X-Amz-Expires=" + context.get("expiration_in_seconds").asInt();
        String token = sessionToken(context);
        return token == null ? parameters : parameters + "&X-Amz-Security-Token=" + UriEncoding.component(token);
    }

    /** The token a signer covers: none when {@code omit_session_token} says it is added after signing. */
    private static String sessionToken(JsonNode context) {
        JsonNode token = context.get("credentials").get("token");
        boolean omitted = context.has("omit_session_token") && context.get("omit_session_token").asBoolean();
        return token == null || omitted ? null : token.asText();
    }

    private static List<String> sortedNames(Map<String, List<String>> headers) {
        List<String> names = new ArrayList<>(headers.keySet());
        names.sort(null);
        return names;
    }

    private static String join(String rawQuery, String more) {
        return rawQuery == null || rawQuery.isEmpty() ? more : rawQuery + "&" + more;
    }
}
