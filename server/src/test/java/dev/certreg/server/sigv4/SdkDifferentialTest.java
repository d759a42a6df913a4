package dev.certreg.server.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Scope;
import dev.certreg.server.RawRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * docs/sigv4-verifier.md "Tests", in-JVM: random requests signed by the AWS SDK for Java v2's {@code AwsV4HttpSigner}, in
 * the header and presigned, with several keys and regions, are all accepted with the key's account and the signed
 * region; every one-byte change of what they mean is refused with a 403. The seed is fixed; {@code -Dsigv4.seed=N}
 * explores.
 */
class SdkDifferentialTest {
    private static final int REQUESTS = 1_200;
    private static final int MUTATIONS_PER_REQUEST = 3;
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1",
            "cn-northwest-1", "me-central-1");

    private final long seed = Long.getLong("sigv4.seed", 20_150_830L);
    private final Random random = new Random(seed);
    private final List<AccessKey> keys = keys();
    private final Credentials credentials = Credentials.of(keys);
    private final RandomRequests requests = new RandomRequests(random);
    private final OneByteMutations mutations = new OneByteMutations(random);

    @Test
    void everySdkSignedRequestIsAcceptedAndEveryOneByteMutationRefused() {
        List<String> rejected = new ArrayList<>();
        List<String> acceptedMutations = new ArrayList<>();
        Map<OneByteMutations.Kind, Integer> refusedByKind = new EnumMap<>(OneByteMutations.Kind.class);
        for (int i = 0; i < REQUESTS; i++) {
            Signed signed = sign(i % 3 == 0);
            SigV4Authenticator authenticator = new SigV4Authenticator(credentials, Regions.any(),
                    Clock.fixed(signed.verifiedAt, ZoneOffset.UTC));
            String verdict = Verdict.of(authenticator, signed.request);
            if (!verdict.equals(Verdict.ACCEPTED)) {
                rejected.add(i + ": " + verdict + " " + signed.request);
                continue;
            }
            assertThat(authenticator.authenticate(signed.request)).isEqualTo(signed.scope);
            for (int m = 0; m < MUTATIONS_PER_REQUEST; m++) {
                OneByteMutations.Kind kind = OneByteMutations.Kind.any(random);
                RawRequest mutated = mutations.apply(kind, signed.request, signed.presigned);
                if (Verdict.status(authenticator, mutated) != 403) {
                    acceptedMutations.add(i + ": " + kind + " gave " + Verdict.of(authenticator, mutated));
                }
                refusedByKind.merge(kind, 1, Integer::sum);
            }
        }
        assertThat(rejected).as("seed %d: signed requests refused", seed).isEmpty();
        assertThat(acceptedMutations).as("seed %d: mutations not refused with a 403", seed).isEmpty();
        assertThat(refusedByKind).hasSize(OneByteMutations.Kind.values().length);
    }

    @Test
    void aPlusAndLowerCaseEscapesInTheQueryVerifyLikeTheEscapesTheSdkSent() {
        Instant now = Instant.parse("2026-03-14T09:26:53Z");
        AccessKey key = keys.get(0);
        RawRequest signed = SdkSigner.header(Requests.sdk(SdkHttpMethod.GET, "/certificates?marker=AB%2Bc%2Fd%3D%3D"
                + "&pageSize=2"), new byte[0], key.id(), key.secretAccessKey(), "us-east-1", now);
        SigV4Authenticator authenticator = new SigV4Authenticator(credentials, Regions.any(),
                Clock.fixed(now, ZoneOffset.UTC));
        for (String rawQuery : List.of("marker=AB+c%2Fd%3D%3D&pageSize=2", "marker=AB%2bc%2fd%3d%3d&pageSize=2",
                "pageSize=2&marker=AB+c/d==")) {
            RawRequest respelled = Requests.withRawQuery(signed, rawQuery);
            assertThat(authenticator.authenticate(respelled)).isEqualTo(new Scope(key.account(), "us-east-1"));
            assertThat(respelled.query()).containsEntry("marker", "AB+c/d==");
        }
        assertThat(Verdict.of(authenticator, Requests.withRawQuery(signed, "marker=AB%20c%2Fd%3D%3D&pageSize=2")))
                .isEqualTo("InvalidSignatureException");
    }

    private Signed sign(boolean presigned) {
        AccessKey key = keys.get(random.nextInt(keys.size()));
        String region = REGIONS.get(random.nextInt(REGIONS.size()));
        Instant time = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(400_000_000));
        SdkHttpFullRequest request = requests.request();
        byte[] body = requests.body(request.method());
        if (!presigned) {
            return new Signed(SdkSigner.header(request, body, key.id(), key.secretAccessKey(), region, time), false,
                    time.plusSeconds(random.nextInt(601) - 300), new Scope(key.account(), region));
        }
        long expires = 1L + random.nextInt((int) PresignedQuery.MAX_EXPIRES_SECONDS);
        return new Signed(SdkSigner.presigned(request, body, key.id(), key.secretAccessKey(), region, time,
                Duration.ofSeconds(expires)), true, time.plusSeconds(random.nextLong(expires + 301) - 300),
                new Scope(key.account(), region));
    }

    private List<AccessKey> keys() {
        List<AccessKey> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byte[] secret = new byte[30];
            random.nextBytes(secret);
            keys.add(new AccessKey("AKIA" + Long.toString(random.nextLong() >>> 1, 36).toUpperCase(Locale.ROOT),
                    Base64.getEncoder().encodeToString(secret), String.format("%012d", random.nextInt(1_000_000_000)),
                    true));
        }
        return keys;
    }

    private record Signed(RawRequest request, boolean presigned, Instant verifiedAt, Scope scope) {}
}
