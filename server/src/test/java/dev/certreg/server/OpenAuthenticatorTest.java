package dev.certreg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import dev.certreg.server.sigv4.AccessKey;
import dev.certreg.server.sigv4.Credentials;
import dev.certreg.server.sigv4.Regions;
import dev.certreg.server.sigv4.SigV4Authenticator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Open mode takes the caller from the credential alone, and refuses what it cannot read exactly as SigV4 does: an
 * unsigned request is AWS's 403 MissingAuthenticationTokenException in both modes.
 */
class OpenAuthenticatorTest {
    private static final String SCOPE = "/20261126/eu-west-1/iot/aws4_request";
    private final Authenticator open = new OpenAuthenticator();
    private final Authenticator sigv4 = new SigV4Authenticator(
            Credentials.of(List.of(new AccessKey("AKIDEXAMPLE", "secret", "444455556666", true))), Regions.any(),
            Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aTwelveDigitKeyIsItsAccountAndAnyOtherKeyTheDefaultOne() {
        assertThat(open.authenticate(signedWith("444455556666" + SCOPE)))
                .isEqualTo(new Scope("444455556666", "eu-west-1"));
        assertThat(open.authenticate(signedWith("AKIDEXAMPLE" + SCOPE)))
                .isEqualTo(new Scope(Scope.DEFAULT_ACCOUNT, "eu-west-1"));
    }

    @Test
    void onlyTheCredentialIsRead() {
        RawRequest header = RawRequest.of("GET", "/certificates", null,
                Map.of("authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE" + SCOPE)), new byte[0]);
        assertThat(open.authenticate(header)).isEqualTo(new Scope(Scope.DEFAULT_ACCOUNT, "eu-west-1"));
        RawRequest presigned = RawRequest.of("GET", "/certificates", "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIDEXAMPLE%2F20261126%2Fus-east-1%2Fiot%2Faws4_request", Map.of(), new byte[0]);
        assertThat(open.authenticate(presigned)).isEqualTo(new Scope(Scope.DEFAULT_ACCOUNT, "us-east-1"));
    }

    @Test
    void anUnsignedRequestIsAMissingAuthenticationTokenInBothModes() {
        RawRequest unsigned = RawRequest.of("GET", "/certificates", null, Map.of(), new byte[0]);
        ServiceException refusal = refusal(open, unsigned);
        assertThat(refusal.errorCode()).isEqualTo(ErrorCode.MISSING_AUTHENTICATION_TOKEN);
        assertThat(refusal.errorCode().httpStatus()).isEqualTo(403);
        assertThat(refusal).hasMessage("Missing Authentication Token");
        assertSameRefusal(unsigned);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AKIDEXAMPLE/20261126/eu-west-1/iot", "AKIDEXAMPLE/20261126/nowhere/iot/aws4_request",
        "AKIDEXAMPLE/20261126/eu-west-1/iot/aws5_request"})
    void aMalformedCredentialIsRefusedAsSigV4RefusesIt(String credential) {
        RawRequest request = signedWith(credential);
        assertThat(refusal(open, request).errorCode()).isEqualTo(ErrorCode.INVALID_SIGNATURE);
        assertSameRefusal(request);
    }

    @Test
    void anotherAlgorithmIsAnIncompleteSignatureAsWithSigV4() {
        RawRequest request = RawRequest.of("GET", "/certificates", null,
                Map.of("authorization", List.of("Basic dXNlcjpwYXNz")), new byte[0]);
        assertThat(refusal(open, request).errorCode()).isEqualTo(ErrorCode.INCOMPLETE_SIGNATURE);
        assertSameRefusal(request);
    }

    private void assertSameRefusal(RawRequest request) {
        ServiceException fromOpen = refusal(open, request);
        ServiceException fromSigV4 = refusal(sigv4, request);
        assertThat(fromOpen.errorCode()).isEqualTo(fromSigV4.errorCode());
        assertThat(fromOpen).hasMessage(fromSigV4.getMessage());
    }

    private static ServiceException refusal(Authenticator authenticator, RawRequest request) {
        return catchThrowableOfType(ServiceException.class, () -> authenticator.authenticate(request));
    }

    private static RawRequest signedWith(String credential) {
        String authorization = "AWS4-HMAC-SHA256 Credential=" + credential
                + ", SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
        return RawRequest.of("GET", "/certificates", null, Map.of("authorization", List.of(authorization),
                "host", List.of("localhost"), "x-amz-date", List.of("20261126T000000Z")), new byte[0]);
    }
}
