package dev.certreg.e2e;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.certreg.core.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateMode;

/**
 * x509-limbo's one-link cases (a trusted certificate and a peer, no intermediates; see
 * {@code x509/limbo/filter.py}): the trusted certificate is registered as an ACTIVE SNI_ONLY CA, then the peer
 * under it. SUCCESS must answer 200 and FAILURE 400, whichever call refuses.
 *
 * <p>The registry checks one link (parse, CA flags, signature, validity, signature algorithm), not a WebPKI or
 * RFC 5280 issuance profile, so some verdicts differ by policy. Those are listed with a reason, and their test
 * asserts the registry's own verdict, so a rule that changes one shows up here.
 */
@Timeout(60)
class LimboTest extends RunningServer {
    private static final AtomicLong ACCOUNTS = new AtomicLong(200_000_000_000L);

    private static final Map<String, String> POLICY_DIFFERENCES = Map.ofEntries(
            // Issuance-profile rules: they bind the CA that signs, and a registry does not lint them.
            entry("rfc5280::aki::critical-aki", "AKI criticality is an issuance rule; the CA is named, not looked up"),
            entry("rfc5280::aki::leaf-missing-aki", "AKI only helps path building; the request names the CA"),
            entry("rfc5280::aki::cross-signed-root-missing-aki", "pedantic RFC 5280 issuance rule (AKI)"),
            entry("rfc5280::ski::critical-ski", "SKI criticality is an issuance rule; SKI is never read"),
            entry("rfc5280::ski::root-missing-ski", "SKI only helps path building; SKI is never read"),
            entry("rfc5280::leaf-ku-keycertsign", "keyCertSign without cA binds the issuer; a device key is not a CA"),
            entry("rfc5280::root-non-critical-basic-constraints", "PKITS 4.6.4 accepts a CA whose BC is not critical"),
            // Extensions the registry never reads (names are checked by the TLS peer, not at registration).
            entry("rfc5280::san::malformed", "SAN is never read: hostname checks belong to the TLS peer"),
            entry("rfc5280::san::noncritical-with-empty-subject", "SAN is never read"),
            entry("rfc5280::ee-critical-aia-invalid", "a critical AIA is an issuance error; AIA is never read"),
            entry("webpki::malformed-aia", "AIA is never read; no fetching"),
            // CA/Browser Forum (WebPKI) rules.
            entry("webpki::aki::root-with-aki-missing-keyidentifier", "WebPKI root profile"),
            entry("webpki::aki::root-with-aki-authoritycertissuer", "WebPKI root profile"),
            entry("webpki::aki::root-with-aki-authoritycertserialnumber", "WebPKI root profile"),
            entry("webpki::aki::root-with-aki-all-fields", "WebPKI root profile"),
            entry("webpki::aki::root-with-aki-ski-mismatch", "WebPKI root profile"),
            entry("webpki::v1-cert", "RFC 5280 allows v1 end-entity certificates; WebPKI does not"),
            entry("webpki::ee-basicconstraints-ca", "RFC 5280 allows a CA in leaf position (rfc5280::ca-as-leaf)"),
            entry("webpki::ca-as-leaf", "conflicts with rfc5280::ca-as-leaf, which the registry follows"),
            // Key rules: the registry checks the signature algorithm, not the subject key's type or size.
            entry("webpki::forbidden-rsa-not-divisible-by-8-in-root", "RSA keys are checked for size (2048+), not for divisibility"),
            entry("webpki::forbidden-rsa-key-not-divisible-by-8-in-leaf", "RSA keys are checked for size (2048+), not for divisibility"));

    @Override
    MutableClock clock() {
        return MutableClock.frozenAt(Instant.now());
    }

    @TestFactory
    Stream<DynamicTest> eachCaseGetsLimbosVerdictUnlessItIsAKnownPolicyDifference() {
        return cases().stream().map(c -> dynamicTest(c.get("id").asText(), () -> {
            String id = c.get("id").asText();
            boolean success = c.get("expected_result").asText().equals("SUCCESS");
            boolean registryAgrees = !POLICY_DIFFERENCES.containsKey(id);
            assertThat(register(c)).as("%s, limbo expects %s", id, success ? "SUCCESS" : "FAILURE")
                    .isEqualTo(success == registryAgrees ? 200 : 400);
        }));
    }

    @Test
    void everyPolicyDifferenceNamesACaseOfTheCorpus() {
        assertThat(cases()).extracting(c -> c.get("id").asText()).containsAll(POLICY_DIFFERENCES.keySet());
    }

    /** The first refusal's status, or 200 if both the CA and the peer register. */
    private int register(JsonNode c) {
        JsonNode time = c.get("validation_time");
        // limbo's certificates are valid from 1970 to 2969 unless a case says otherwise, so "now" is a fair default.
        Instant at = time.isNull() ? Instant.now() : Instant.parse(time.asText().replace("+00:00", "Z"));
        clock.advance(Duration.between(clock.instant(), at));
        // Every case's root is CN=x509-limbo-root: a fresh account keeps the per-subject CA limit out of the way.
        IotClient account = client(Long.toString(ACCOUNTS.incrementAndGet()), "us-east-1");
        String trusted = c.get("trusted_certs").get(0).asText();
        String peer = c.get("peer_certificate").asText();
        int ca = status(() -> account.registerCACertificate(r -> r.caCertificate(trusted)
                .certificateMode(CertificateMode.SNI_ONLY).setAsActive(true)));
        if (ca != 200) {
            return ca;
        }
        return status(() -> account.registerCertificate(r -> r.certificatePem(peer).caCertificatePem(trusted)));
    }

    private static List<JsonNode> cases() {
        try (InputStream in = LimboTest.class.getResourceAsStream("/x509/limbo/limbo-registry-cases.json")) {
            JsonNode cases = new ObjectMapper().readTree(in).get("testcases");
            return StreamSupport.stream(cases.spliterator(), false).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
