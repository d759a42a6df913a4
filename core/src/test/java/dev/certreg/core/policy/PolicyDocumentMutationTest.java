package dev.certreg.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random one-character changes to valid documents: each result is either refused with MalformedPolicyException or
 * accepted and then evaluated without error, whatever the request.
 */
class PolicyDocumentMutationTest {
    private static final String P = "arn:aws:iot:us-east-1:123456789012:";
    private static final String SEED = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"a\",\"Effect\":\"Allow\","
            + "\"Action\":[\"iot:Connect\",\"iot:Pub*\"],\"Resource\":[\"" + P + "client/${iot:ClientId}\",\"" + P
            + "topic/${iot:Connection.Thing.ThingName}/?/*\"],\"Condition\":{\"StringLike\":{\"iot:ClientId\":"
            + "[\"c*\",\"${iot:Certificate.Subject.CommonName}\"]},\"ForAllValues:StringEquals\":"
            + "{\"iot:ConnectAttributes\":\"PersistentConnect\"},\"NumericLessThan\":"
            + "{\"iot:Connection.Thing.Attributes[n]\":10},\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},"
            + "\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"},\"ArnLike\":"
            + "{\"iot:LastWillTopic\":\"" + P + "topic/w/*\"},\"Null\":{\"iot:DomainName\":\"false\"},"
            + "\"BoolIfExists\":{\"iot:Connection.Thing.IsAttached\":true}}},{\"Effect\":\"Deny\",\"NotAction\":"
            + "\"iot:Receive\",\"NotResource\":\"" + P + "topic/${iot:Certificate.Subject.Organization.1}\"}]}";
    private static final String ALPHABET = "{}[]\":,*?$\\/ 0a-.+#";
    private static final RequestContext CONTEXT = RequestContext
            .builder(new Scope("123456789012", "us-east-1"), Instant.parse("2026-01-01T00:00:00Z"))
            .clientId("c1")
            .sourceIp("10.1.2.3")
            .domainName("d.example")
            .connectAttributes(Set.of("PersistentConnect"))
            .lastWillTopic(P + "topic/w/c1")
            .thing(new ThingFacts("c1", Optional.of("t"), Map.of("n", "3"), true))
            .certificate(new CertificateFacts("id", "7", Map.of("CommonName", List.of("c1"),
                    "Organization", List.of("o1", "o2")), Map.of(), Map.of(), Map.of()))
            .build();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void everyMutantIsRefusedCleanlyOrEvaluatesCleanly(int seed) {
        Random random = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < 250; i++) {
            String mutant = mutate(SEED, random, 1 + random.nextInt(3));
            PolicyDocument document;
            try {
                document = PolicyDocument.parse(mutant);
            } catch (ServiceException e) {
                assertThat(e.errorCode()).as(mutant).isEqualTo(ErrorCode.MALFORMED_POLICY);
                continue;
            }
            accepted++;
            for (IotAction action : IotAction.values()) {
                assertThatCode(() -> PolicyEvaluator.evaluate(List.of(new AppliedPolicy("m", document)), CONTEXT,
                                action.actionName(), action.resourceArn(CONTEXT.scope(), "c1/x/y")))
                        .as(mutant)
                        .doesNotThrowAnyException();
            }
        }
        assertThat(accepted).as("mutants that still parse").isPositive();
    }

    private static String mutate(String text, Random random, int times) {
        String out = text;
        for (int i = 0; i < times; i++) {
            int at = random.nextInt(out.length());
            char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            out = switch (random.nextInt(3)) {
                case 0 -> out.substring(0, at) + out.substring(at + 1);
                case 1 -> out.substring(0, at) + c + out.substring(at);
                default -> out.substring(0, at) + c + out.substring(at + 1);
            };
        }
        return out;
    }
}
