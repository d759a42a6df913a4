package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.Scope;
import dev.certreg.server.RawRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * docs/sigv4-verifier.md "Tests" with botocore, when {@code python3} can import it (CI's real-client checks install it;
 * elsewhere the test is skipped): random requests signed by botocore's {@code SigV4Auth} and {@code SigV4QueryAuth}
 * ({@code src/test/resources/sigv4/botocore_signer.py}) are all accepted, and one-byte mutations all refused.
 */
class BotocoreDifferentialTest {
    private static final int REQUESTS = 1_000;
    private static final List<AccessKey> KEYS = List.of(
            new AccessKey("AKIDBOTOONE", "s3cr3t+/one==", "100000000001", true),
            new AccessKey("AKIDBOTOTWO", "two/secret", "100000000002", true),
            new AccessKey("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "100000000003", true));

    private final Random random = new Random(1_431_000L);

    @Test
    void everyBotocoreSignedRequestIsAcceptedAndEveryOneByteMutationRefused() throws Exception {
        List<String> lines = signWithBotocore();
        assertThat(lines).hasSize(REQUESTS);
        Credentials credentials = Credentials.of(KEYS);
        OneByteMutations mutations = new OneByteMutations(random);
        List<String> failures = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode signed = json.readTree(line);
            RawRequest request = request(signed);
            boolean presigned = signed.get("presigned").asBoolean();
            SigV4Authenticator authenticator = new SigV4Authenticator(credentials, Regions.any(),
                    Clock.fixed(verificationTime(signed), ZoneOffset.UTC));
            Scope expected = new Scope(account(signed.get("key").asText()), signed.get("region").asText());
            if (!Verdict.of(authenticator, request).equals(Verdict.ACCEPTED)
                    || !authenticator.authenticate(request).equals(expected)) {
                failures.add("refused: " + Verdict.of(authenticator, request) + " " + line);
                continue;
            }
            OneByteMutations.Kind kind = OneByteMutations.Kind.any(random);
            RawRequest mutated = mutations.apply(kind, request, presigned);
            if (Verdict.status(authenticator, mutated) != 403) {
                failures.add(kind + " mutation gave " + Verdict.of(authenticator, mutated) + ": " + line);
            }
        }
        assertThat(failures).isEmpty();
    }

    private List<String> signWithBotocore() throws Exception {
        Python.assumeModule("botocore");
        StringBuilder keys = new StringBuilder();
        KEYS.forEach(k -> keys.append(k.id()).append(' ').append(k.secretAccessKey()).append('\n'));
        return Python.script("botocore_signer.py", List.of("20150830", Integer.toString(REQUESTS)), keys.toString())
                .lines().toList();
    }

    private static RawRequest request(JsonNode signed) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (JsonNode pair : signed.get("headers")) {
            headers.computeIfAbsent(pair.get(0).asText().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(pair.get(1).asText());
        }
        String query = signed.get("query").isNull() ? null : signed.get("query").asText();
        return RawRequest.of(signed.get("method").asText(), signed.get("path").asText(), query, headers,
                Base64.getDecoder().decode(signed.get("body").asText()));
    }

    private Instant verificationTime(JsonNode signed) {
        Instant time = Instant.parse(signed.get("time").asText());
        long latest = signed.get("presigned").asBoolean() ? signed.get("expires").asLong() : 300;
        return time.plusSeconds(random.nextLong(latest + 301) - 300);
    }

    private static String account(String keyId) {
        return KEYS.stream().filter(k -> k.id().equals(keyId)).findFirst().orElseThrow().account();
    }
}
