package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.server.RawRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/sigv4-verifier.md "Tests": every accepted signed request, changed in any one signed respect (at least 12 ways
 * each), is refused with a 403; changed only in what the canonical form ignores (header-name case, query pair order,
 * escape case), it is still accepted.
 */
class VectorMutationTest {
    private static final String HEADER_CREDENTIAL = "AKIDEXAMPLE/20150830/us-east-1/service/aws4_request";
    private static final String QUERY_CREDENTIAL = "AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request";

    static Stream<Arguments> mutations() {
        return acceptedRequests().flatMap(a -> {
            VectorCase vector = (VectorCase) a.get()[0];
            String variant = (String) a.get()[1];
            return signedMutations(vector, variant).stream().map(m -> Arguments.of(vector, variant, m));
        });
    }

    static Stream<Arguments> equivalents() {
        return acceptedRequests().flatMap(a -> {
            VectorCase vector = (VectorCase) a.get()[0];
            String variant = (String) a.get()[1];
            return equivalentEdits(vector, variant).stream().map(m -> Arguments.of(vector, variant, m));
        });
    }

    private static Stream<Arguments> acceptedRequests() {
        return VectorVerdictTest.accepted().stream()
                .flatMap(c -> Stream.of(Arguments.of(c, "header"), Arguments.of(c, "query")));
    }

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @MethodSource("mutations")
    void aChangeToAnythingSignedIsRefusedWith403(VectorCase vector, String variant, TextMutation mutation) {
        RawRequest mutated = HttpText.parse(mutation.apply(vector.signedRequest(variant)));
        assertThat(Verdict.status(VectorCase.authenticator(true), mutated))
                .as(Verdict.of(VectorCase.authenticator(true), mutated)).isEqualTo(403);
    }

    @ParameterizedTest(name = "{0} ({1}): {2}")
    @MethodSource("equivalents")
    void aChangeTheCanonicalFormIgnoresIsStillAccepted(VectorCase vector, String variant, TextMutation edit) {
        RawRequest edited = HttpText.parse(edit.apply(vector.signedRequest(variant)));
        assertThat(Verdict.of(VectorCase.authenticator(true), edited)).isEqualTo(Verdict.ACCEPTED);
    }

    static List<TextMutation> signedMutations(VectorCase vector, String variant) {
        boolean query = variant.equals("query");
        String signature = vector.text(variant + "-signature.txt").strip();
        String credential = query ? QUERY_CREDENTIAL : HEADER_CREDENTIAL;
        List<TextMutation> mutations = new ArrayList<>(List.of(
                new TextMutation("a signature digit", t -> TextMutation.replaceOnce(t, signature, flipLast(signature))),
                new TextMutation("the signed Host value", t -> TextMutation.replaceOnce(t,
                        "Host:example.amazonaws.com", "Host:example.amazonaws.net")),
                new TextMutation("a body byte", t -> t + "x"),
                scope("the scope date", credential, "20150830", "20150831"),
                scope("the scope region", credential, "us-east-1", "us-east-2"),
                scope("the scope service", credential, "service", "servicf"),
                scope("the scope terminator", credential, "aws4_request", "aws4_requesu"),
                new TextMutation("a name dropped from SignedHeaders", t -> dropLastSignedHeader(t, query)),
                new TextMutation("the method", t -> t.startsWith("GET ") ? "POST" + t.substring(3)
                        : "GET" + t.substring(4)),
                new TextMutation("a path byte", t -> withTarget(t, appendToPath(target(t)))),
                new TextMutation("a query value", t -> changeQueryValue(t, vector)),
                new TextMutation("X-Amz-Date one second later", t -> t.replace("T123600Z", "T123601Z"))));
        if (vector.name().equals("get-header-value-order")) {
            mutations.add(new TextMutation("the order of repeated header values", t -> TextMutation.replaceOnce(t,
                    "My-Header1:value4\nMy-Header1:value1", "My-Header1:value1\nMy-Header1:value4")));
        }
        return mutations;
    }

    static List<TextMutation> equivalentEdits(VectorCase vector, String variant) {
        List<TextMutation> edits = new ArrayList<>(List.of(
                new TextMutation("header names upper-cased", t -> t.replace("Host:", "HOST:")
                        .replace("X-Amz-Date:", "X-AMZ-DATE:"))));
        String target = target(vector.signedRequest(variant));
        if (target.contains("&")) {
            edits.add(new TextMutation("query pairs reversed", t -> reverseQuery(t)));
        }
        if (target.contains("%2F")) {
            edits.add(new TextMutation("escapes in lower case", t -> withTarget(t, target.replace("%2F", "%2f"))));
        }
        return edits;
    }

    private static TextMutation scope(String name, String credential, String part, String replacement) {
        return new TextMutation(name, t -> TextMutation.replaceOnce(t, credential, credential.replace(part,
                replacement)));
    }

    private static String flipLast(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }

    private static String dropLastSignedHeader(String text, boolean query) {
        String key = query ? "X-Amz-SignedHeaders=" : "SignedHeaders=";
        String separator = query ? "%3B" : ";";
        int start = text.indexOf(key) + key.length();
        int end = indexOfAny(text, start, query ? "& " : ",");
        String names = text.substring(start, end);
        int cut = names.lastIndexOf(separator);
        return text.substring(0, start) + (cut < 0 ? "" : names.substring(0, cut)) + text.substring(end);
    }

    /** The first value of the request's own query changed, or a parameter added if it had none. */
    private static String changeQueryValue(String text, VectorCase vector) {
        String own = target(vector.text("request.txt"));
        String target = target(text);
        if (!own.contains("?")) {
            return withTarget(text, target.contains("?")
                    ? target.replaceFirst("\\?", "?extra=1&") : target + "?extra=1");
        }
        int end = indexOfAny(target, target.indexOf('?'), "&");
        return withTarget(text, target.substring(0, end) + "x" + target.substring(end));
    }

    /** A byte appended to the raw path: inserting one could be normalised away ({@code /x/..}). */
    private static String appendToPath(String target) {
        int question = target.indexOf('?');
        return question < 0 ? target + "x" : target.substring(0, question) + "x" + target.substring(question);
    }

    private static String withTarget(String text, String target) {
        String requestLine = text.substring(0, text.indexOf('\n'));
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String version = requestLine.substring(requestLine.lastIndexOf(' '));
        return method + " " + target + version + text.substring(requestLine.length());
    }

    private static String reverseQuery(String text) {
        String target = target(text);
        int question = target.indexOf('?');
        List<String> pairs = new ArrayList<>(List.of(target.substring(question + 1).split("&", -1)));
        Collections.reverse(pairs);
        return withTarget(text, target.substring(0, question + 1) + String.join("&", pairs));
    }

    /** The request target of the request line. */
    private static String target(String text) {
        String requestLine = text.substring(0, text.indexOf('\n'));
        return requestLine.substring(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(' '));
    }

    private static int indexOfAny(String text, int from, String characters) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
