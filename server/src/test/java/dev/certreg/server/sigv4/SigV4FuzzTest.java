package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.server.RawRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * The whole signature check (parse the claim, scope, key, time window, canonical request, signature) on arbitrary
 * {@code Authorization} headers and presigned queries: the request is accepted or refused with a 4xx of AWS's
 * (IncompleteSignature, InvalidSignature, UnrecognizedClient, InvalidRequest), never another exception.
 * docs/reliability.md says how to fuzz.
 */
@Timeout(10)
class SigV4FuzzTest {
    private static final Instant T = Instant.parse("2015-08-30T12:36:00Z");
    private static final SigV4Authenticator AUTHENTICATOR = new SigV4Authenticator(
            Credentials.of(List.of(new AccessKey("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                    Scope.DEFAULT_ACCOUNT, true))),
            Regions.of(List.of("us-east-1")), Clock.fixed(T, ZoneOffset.UTC));

    /** Input lines: the Authorization value, the X-Amz-Date value, then the raw path. */
    @FuzzTest(maxDuration = "30m")
    void authorizationHeader(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        String amzDate = lines.length > 1 ? lines[1] : "20150830T123600Z";
        String path = lines.length > 2 ? lines[2] : "/certificates";
        check(() -> RawRequest.of("GET", path, null, Map.of("host", List.of("example.amazonaws.com"),
                "x-amz-date", List.of(amzDate), "authorization", List.of(lines[0])), new byte[0]));
    }

    /** Input: the raw query string of a presigned GET. */
    @FuzzTest(maxDuration = "30m")
    void presignedQuery(byte[] input) {
        String query = new String(input, StandardCharsets.UTF_8);
        check(() -> RawRequest.of("GET", "/certificates", query, Map.of("host", List.of("example.amazonaws.com")),
                new byte[0]));
    }

    private static void check(RequestSource source) {
        try {
            assertThat(AUTHENTICATOR.authenticate(source.request()).account()).isEqualTo(Scope.DEFAULT_ACCOUNT);
        } catch (ServiceException refused) {
            assertThat(refused.errorCode().httpStatus()).as(refused.getMessage()).isBetween(400, 499);
        }
    }

    /** Building the request is part of what is fuzzed: a malformed path or query is refused there. */
    @FunctionalInterface
    private interface RequestSource {
        RawRequest request();
    }
}
