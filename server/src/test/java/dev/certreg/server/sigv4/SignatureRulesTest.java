package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import dev.certreg.server.RawRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * docs/sigv4-verifier.md "Parsing" and "Keys, tokens, comparison, replay", one rule at a time, on requests signed by the AWS SDK: which refusal each defect
 * earns (Missing, Incomplete, Invalid, Unrecognized, or 400 for chunked and unsigned payloads) and that no message
 * carries a secret or a signature.
 */
class SignatureRulesTest {
    private static final Instant T = Instant.parse("2026-03-14T09:26:53Z");
    private static final String KEY = "AKIDRULES";
    private static final String SECRET = "rules/secret+KEY";
    private static final Credentials CREDENTIALS = Credentials.of(List.of(
            new AccessKey(KEY, SECRET, "444455556666", true),
            new AccessKey("AKIDOFF", SECRET, "444455556666", false)));
    private static final SigV4Authenticator AUTHENTICATOR = new SigV4Authenticator(CREDENTIALS,
            Regions.of(List.of("us-east-1", "eu-west-1")), Clock.fixed(T, ZoneOffset.UTC));
    private static final byte[] BODY = "{\"certificatePem\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    private final RawRequest signed = SdkSigner.header(Requests.sdk(SdkHttpMethod.POST, "/certificate/register-no-ca")
            .toBuilder().putHeader("X-Certreg-Test", "signed").build(), BODY, KEY, SECRET, "us-east-1", T);
    private final String authorization = signed.header("authorization");

    @Test
    void theUntouchedRequestIsAcceptedInTheKeysAccountAndTheSignedRegion() {
        assertThat(AUTHENTICATOR.authenticate(signed)).isEqualTo(new Scope("444455556666", "us-east-1"));
    }

    @Test
    void noSignatureAtAllIsAMissingAuthenticationToken() {
        RawRequest unsigned = without(signed, "authorization");
        assertRefused(unsigned, ErrorCode.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
    }

    @Test
    void aHeaderAndAPresignedQueryTogetherAreAnIncompleteSignature() {
        RawRequest both = Requests.withRawQuery(signed, "X-Amz-Algorithm=AWS4-HMAC-SHA256");
        assertRefused(both, ErrorCode.INCOMPLETE_SIGNATURE, "Only one auth mechanism allowed");
    }

    @Test
    void twoAuthorizationHeadersAreAnIncompleteSignature() {
        Map<String, List<String>> headers = new LinkedHashMap<>(signed.headers());
        headers.put("authorization", List.of(authorization, authorization));
        assertRefused(rebuilt(signed, headers), ErrorCode.INCOMPLETE_SIGNATURE, "Only one Authorization header");
    }

    @Test
    void anotherAlgorithmIsAnIncompleteSignature() {
        assertRefused(withAuthorization(authorization.replace("AWS4-HMAC-SHA256", "AWS4-ECDSA-P256-SHA256")),
                ErrorCode.INCOMPLETE_SIGNATURE, "must start with 'AWS4-HMAC-SHA256 '");
    }

    @Test
    void eachOfCredentialSignedHeadersAndSignatureMustBeThereExactlyOnce() {
        for (String name : List.of("Credential", "SignedHeaders", "Signature")) {
            String without = authorization.replaceFirst(", " + name + "=[^,]*|" + name + "=[^,]*, ", "");
            assertRefused(withAuthorization(without), ErrorCode.INCOMPLETE_SIGNATURE,
                    "Authorization header requires '" + name + "' parameter.");
        }
        String twice = authorization + ", Signature=" + "0".repeat(64);
        assertRefused(withAuthorization(twice), ErrorCode.INCOMPLETE_SIGNATURE, "'Signature' more than once");
        assertRefused(withAuthorization(authorization + ", Extra=1"), ErrorCode.INCOMPLETE_SIGNATURE,
                "has a component 'Extra'");
    }

    @ParameterizedTest(name = "Signature={0}")
    @ValueSource(strings = {"ABCDEF", "0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde", ""})
    void aSignatureThatIsNot64LowerCaseHexDigitsIsAnIncompleteSignature(String signature) {
        String edited = authorization.replaceFirst("Signature=[0-9a-f]+", "Signature=" + signature);
        assertRefused(withAuthorization(edited), ErrorCode.INCOMPLETE_SIGNATURE, "64 lower-case hexadecimal");
    }

    @Test
    void aDateHeaderIsNoSubstituteForXAmzDate() {
        RawRequest dated = Requests.withHeader(without(signed, "x-amz-date"), "date", "Sat, 14 Mar 2026 09:26:53 GMT");
        assertRefused(dated, ErrorCode.INCOMPLETE_SIGNATURE, "requires existence of a 'X-Amz-Date' header");
    }

    @ParameterizedTest(name = "X-Amz-Date={0}")
    @ValueSource(strings = {"2026-03-14T09:26:53Z", "20260230T092653Z", "20260314T092653", "20260314T246053Z"})
    void aMalformedXAmzDateIsAnIncompleteSignature(String date) {
        assertRefused(Requests.withHeader(signed, "x-amz-date", date), ErrorCode.INCOMPLETE_SIGNATURE,
                "must be a date of the form yyyyMMdd'T'HHmmss'Z'");
    }

    @Test
    void signedHeadersMustBeLowerCaseStrictlyAscendingAndNonEmpty() {
        String names = signedHeaders();
        for (String bad : List.of(reversed(names), names.toUpperCase(Locale.ROOT), names + ";", ";" + names,
                names.replace("host;", "host;host;"))) {
            assertRefused(withAuthorization(authorization.replace("SignedHeaders=" + names, "SignedHeaders=" + bad)),
                    ErrorCode.INCOMPLETE_SIGNATURE, "SignedHeaders must be lower-case header names");
        }
    }

    @Test
    void hostXAmzDateAndASentContentSha256MustBeSigned() {
        String names = signedHeaders();
        assertRefused(signedHeadersWithout(names, "host"), ErrorCode.INCOMPLETE_SIGNATURE,
                "'Host' must be a 'SignedHeader'");
        assertRefused(signedHeadersWithout(names, "x-amz-date"), ErrorCode.INCOMPLETE_SIGNATURE,
                "'X-Amz-Date' must be a 'SignedHeader'");
        assertRefused(signedHeadersWithout(names, "x-amz-content-sha256"), ErrorCode.INCOMPLETE_SIGNATURE,
                "'X-Amz-Content-Sha256' is sent, so it must be a 'SignedHeader'.");
    }

    @Test
    void aSignedHeaderMissingFromTheRequestIsAnIncompleteSignature() {
        assertThat(signedHeaders()).contains("x-certreg-test");
        assertRefused(without(signed, "x-certreg-test"), ErrorCode.INCOMPLETE_SIGNATURE,
                "The signed header 'x-certreg-test' is not in the request");
    }

    @Test
    void theScopeMustHaveFiveParts() {
        String credential = "Credential=" + KEY + "/20260314/us-east-1/iot/aws4_request";
        assertRefused(withAuthorization(authorization.replace(credential, "Credential=" + KEY
                + "/20260314/us-east-1/aws4_request")), ErrorCode.INVALID_SIGNATURE,
                "Credential must have exactly 5 slash-delimited elements");
    }

    @Test
    void theScopeMustNameAServedRegionTheServiceAndTheTerminatorWithAwsWording() {
        String credential = KEY + "/20260314/us-east-1/iot/aws4_request";
        assertRefused(withCredential(credential.replace("us-east-1", "ap-south-1")), ErrorCode.INVALID_SIGNATURE,
                "Credential should be scoped to a valid region, not 'ap-south-1'.");
        assertRefused(withCredential(credential.replace("/iot/", "/s3/")), ErrorCode.INVALID_SIGNATURE,
                "Credential should be scoped to correct service: 'iot'.");
        assertRefused(withCredential(credential.replace("aws4_request", "aws4_reply")), ErrorCode.INVALID_SIGNATURE,
                "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_reply'.");
    }

    @Test
    void anyRegionNameIsServedByDefaultButNotAnythingElse() {
        SigV4Authenticator anyRegion = new SigV4Authenticator(CREDENTIALS, Regions.any(), Clock.fixed(T,
                ZoneOffset.UTC));
        RawRequest elsewhere = SdkSigner.header(Requests.sdk(SdkHttpMethod.GET, "/certificates"), new byte[0], KEY,
                SECRET, "ap-south-1", T);
        assertThat(anyRegion.authenticate(elsewhere)).isEqualTo(new Scope("444455556666", "ap-south-1"));
        RawRequest nowhere = SdkSigner.header(Requests.sdk(SdkHttpMethod.GET, "/certificates"), new byte[0], KEY,
                SECRET, "mars", T);
        assertThat(Verdict.of(anyRegion, nowhere)).isEqualTo("InvalidSignatureException");
    }

    @Test
    void anUnknownOrDisabledKeyIsAnUnrecognizedClient() {
        for (String key : List.of("AKIDNOBODY", "AKIDOFF")) {
            RawRequest request = SdkSigner.header(Requests.sdk(SdkHttpMethod.GET, "/certificates"), new byte[0], key,
                    SECRET, "us-east-1", T);
            assertRefused(request, ErrorCode.UNRECOGNIZED_CLIENT, AuthFailures.UNKNOWN_KEY);
        }
    }

    @Test
    void anySessionTokenSignedOrNotInHeaderOrQueryIsAnUnrecognizedClient() {
        RawRequest withHeader = Requests.withHeader(signed, "x-amz-security-token", "FQoGZXIvYXdzEXAMPLE");
        assertRefused(withHeader, ErrorCode.UNRECOGNIZED_CLIENT, AuthFailures.SESSION_TOKEN);
        RawRequest presigned = SdkSigner.presigned(Requests.sdk(SdkHttpMethod.GET,
                "/certificates?X-Amz-Security-Token=FQoGZXIvYXdzEXAMPLE"), new byte[0], KEY, SECRET, "us-east-1", T,
                Duration.ofMinutes(5));
        assertRefused(presigned, ErrorCode.UNRECOGNIZED_CLIENT, AuthFailures.SESSION_TOKEN);
    }

    @Test
    void aContentSha256ThatIsNotTheBodysHashIsAnInvalidSignature() {
        RawRequest lying = Requests.withHeader(signed, "x-amz-content-sha256", SigningKey.sha256Hex(new byte[0]));
        assertRefused(lying, ErrorCode.INVALID_SIGNATURE,
                "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    @Test
    void chunkedAndUnsignedPayloadsAreInvalidRequests() {
        for (RawRequest request : List.of(
                Requests.withHeader(signed, "x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
                Requests.withHeader(signed, "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
                Requests.withHeader(signed, "content-encoding", "gzip, aws-chunked"),
                Requests.withHeader(signed, "x-amz-decoded-content-length", "22"))) {
            ServiceException refused = catchThrowableOfType(ServiceException.class,
                    () -> AUTHENTICATOR.authenticate(request));
            assertThat(refused.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
            assertThat(refused).hasMessage("Chunked and unsigned payloads are not supported");
        }
    }

    @Test
    void aPresignedQueryNeedsEachParameterExactlyOnceAndTheHmacAlgorithm() {
        RawRequest presigned = SdkSigner.presigned(Requests.sdk(SdkHttpMethod.GET, "/certificates"), new byte[0],
                KEY, SECRET, "us-east-1", T, Duration.ofMinutes(5));
        String query = presigned.rawQuery();
        assertThat(AUTHENTICATOR.authenticate(presigned)).isEqualTo(new Scope("444455556666", "us-east-1"));
        assertRefused(Requests.withRawQuery(presigned, query.replaceFirst("X-Amz-Credential=[^&]*&?", "")),
                ErrorCode.INCOMPLETE_SIGNATURE, "AWS query-string parameters must include 'X-Amz-Credential'.");
        assertRefused(Requests.withRawQuery(presigned, query + "&X-Amz-Date=20260314T092653Z"),
                ErrorCode.INCOMPLETE_SIGNATURE, "'X-Amz-Date' may be sent only once");
        assertRefused(Requests.withRawQuery(presigned, query.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512")),
                ErrorCode.INCOMPLETE_SIGNATURE, "X-Amz-Algorithm must be AWS4-HMAC-SHA256");
    }

    @Test
    void aMismatchSaysSoInAwsWordsAndEchoesNeitherSignatureNorSecret() {
        String signature = authorization.substring(authorization.indexOf("Signature=") + 10);
        RawRequest wrongSecret = SdkSigner.header(Requests.sdk(SdkHttpMethod.POST, "/certificate/register-no-ca"),
                BODY, KEY, "not-" + SECRET, "us-east-1", T);
        ServiceException refused = assertRefused(wrongSecret, ErrorCode.INVALID_SIGNATURE, AuthFailures.MISMATCH);
        assertThat(refused.getMessage()).doesNotContain(signature).doesNotContain(SECRET).doesNotContain("POST");
        assertThat(wrongSecret.toString()).doesNotContain("Signature=").contains("authorization");
    }

    private ServiceException assertRefused(RawRequest request, ErrorCode code, String messagePart) {
        ServiceException refused = catchThrowableOfType(ServiceException.class,
                () -> AUTHENTICATOR.authenticate(request));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.errorCode()).isEqualTo(code);
        assertThat(refused.errorCode().httpStatus()).isEqualTo(403);
        assertThat(refused.getMessage()).contains(messagePart);
        return refused;
    }

    private String signedHeaders() {
        int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
        return authorization.substring(start, authorization.indexOf(',', start));
    }

    private RawRequest signedHeadersWithout(String names, String name) {
        List<String> kept = new ArrayList<>(List.of(names.split(";")));
        kept.remove(name);
        return withAuthorization(authorization.replace("SignedHeaders=" + names, "SignedHeaders="
                + String.join(";", kept)));
    }

    private RawRequest withCredential(String credential) {
        return withAuthorization(authorization.replaceFirst("Credential=[^,]*", "Credential=" + credential));
    }

    private RawRequest withAuthorization(String value) {
        return Requests.withHeader(signed, "authorization", value);
    }

    private static String reversed(String names) {
        List<String> list = new ArrayList<>(List.of(names.split(";")));
        Collections.reverse(list);
        return String.join(";", list);
    }

    private static RawRequest without(RawRequest request, String header) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.remove(header);
        return rebuilt(request, headers);
    }

    private static RawRequest rebuilt(RawRequest request, Map<String, List<String>> headers) {
        return RawRequest.of(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }
}
