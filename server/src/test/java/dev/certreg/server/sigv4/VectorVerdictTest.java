package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/sigv4-verifier.md "Tests": the production rules (but service {@code service}, region us-east-1, the suite's key and
 * time) on both signed requests of every case: 29 accepted; the two signed-token cases verify, then meet
 * UnrecognizedClientException; six of the seven {@code *-unnormalized} cases are InvalidSignatureException; the
 * unsigned token of {@code post-sts-header-after} is UnrecognizedClientException. Anything else fails.
 */
class VectorVerdictTest {
    static final Set<String> SIGNED_TOKEN = Set.of("get-vanilla-with-session-token", "post-sts-header-before");
    static final Set<String> UNSIGNED_TOKEN = Set.of("post-sts-header-after");
    /** Signed S3-style over the raw path; {@code get-space-unnormalized} is not here: it has nothing to normalise. */
    static final Set<String> UNNORMALIZED = Set.of("get-relative-unnormalized", "get-relative-relative-unnormalized",
            "get-slash-unnormalized", "get-slash-dot-slash-unnormalized", "get-slash-pointless-dot-unnormalized",
            "get-slashes-unnormalized");

    static Stream<Arguments> signedRequests() {
        return VectorCase.all().stream().flatMap(c -> Stream.of(Arguments.of(c, "header"), Arguments.of(c, "query")));
    }

    static Stream<Arguments> signedTokenRequests() {
        return signedRequests().filter(a -> SIGNED_TOKEN.contains(((VectorCase) a.get()[0]).name()));
    }

    /** The 29 cases whose signatures this server accepts, in both variants. */
    static List<VectorCase> accepted() {
        return VectorCase.all().stream().filter(c -> expected(c).equals(Verdict.ACCEPTED)).toList();
    }

    static String expected(VectorCase vector) {
        if (SIGNED_TOKEN.contains(vector.name()) || UNSIGNED_TOKEN.contains(vector.name())) {
            return "UnrecognizedClientException";
        }
        return UNNORMALIZED.contains(vector.name()) ? "InvalidSignatureException" : Verdict.ACCEPTED;
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("signedRequests")
    void eachSignedRequestGetsItsVerdict(VectorCase vector, String variant) {
        String verdict = Verdict.of(VectorCase.authenticator(true), HttpText.parse(vector.signedRequest(variant)));
        assertThat(verdict).isEqualTo(expected(vector));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("signedTokenRequests")
    void signedTokensVerifyBeforeThePolicyRefusesThem(VectorCase vector, String variant) {
        assertThat(Verdict.of(VectorCase.authenticator(false), HttpText.parse(vector.signedRequest(variant))))
                .isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void theTallyIsTwentyNineAcceptedTwoSignedTokensSixUnnormalizedAndOneUnsignedToken() {
        for (String variant : List.of("header", "query")) {
            Map<String, Integer> tally = new TreeMap<>();
            for (VectorCase vector : VectorCase.all()) {
                String verdict = Verdict.of(VectorCase.authenticator(true), HttpText.parse(
                        vector.signedRequest(variant)));
                tally.merge(verdict, 1, Integer::sum);
            }
            assertThat(tally).as(variant).containsExactlyInAnyOrderEntriesOf(Map.of(
                    Verdict.ACCEPTED, 29, "UnrecognizedClientException", 3, "InvalidSignatureException", 6));
        }
        assertThat(accepted()).hasSize(29);
    }
}
