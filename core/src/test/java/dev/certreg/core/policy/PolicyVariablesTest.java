package dev.certreg.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Scope;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyVariablesTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");

    private static ContextKeys keys(String clientId) {
        return ContextKeys.of(RequestContext.builder(SCOPE, Instant.EPOCH).clientId(clientId)
                .thing(new ThingFacts(clientId, Optional.of("lamp"), Map.of("room", "kitchen"), true)).build());
    }

    @Test
    void substitutesClientIdAndThingVariables() {
        Optional<WildcardPattern> pattern = PolicyVariables.resolve(
                "topic/${iot:ClientId}/${iot:Connection.Thing.ThingTypeName}/"
                        + "${iot:Connection.Thing.Attributes[room]}/*",
                keys("lamp-1"));

        assertThat(pattern).map(WildcardPattern::text).contains("topic/lamp-1/lamp/kitchen/*");
        assertThat(pattern.get().matches("topic/lamp-1/lamp/kitchen/x/y", false)).isTrue();
    }

    @Test
    void namesVariablesWithoutRegardToCase() {
        assertThat(PolicyVariables.resolve("${IOT:clientid}", keys("c1"))).map(WildcardPattern::text).contains("c1");
    }

    @Test
    void aValueWithWildcardsMatchesOnlyItself() {
        WildcardPattern pattern = PolicyVariables.resolve("topic/${iot:ClientId}", keys("*")).orElseThrow();

        assertThat(pattern.matches("topic/*", false)).isTrue();
        assertThat(pattern.matches("topic/other", false)).isFalse();
    }

    @Test
    void escapesWriteLiteralWildcardsAndDollars() {
        WildcardPattern pattern = PolicyVariables.resolve("a/${*}/${?}/${$}x/*", keys("c")).orElseThrow();

        assertThat(pattern.matches("a/*/?/$x/anything", false)).isTrue();
        assertThat(pattern.matches("a/b/?/$x/anything", false)).isFalse();
    }

    @Test
    void anUnknownOrAbsentVariableResolvesToNothing() {
        assertThat(PolicyVariables.resolve("topic/${iot:Nope}", keys("c"))).isEmpty();
        assertThat(PolicyVariables.resolve("topic/${iot:Connection.Thing.Attributes[none]}", keys("c"))).isEmpty();
        assertThat(PolicyVariables.resolve("topic/${iot:ConnectAttributes}", keys("c"))).isEmpty();
    }

    @Test
    void anUnclosedDollarBraceIsKeptAsWritten() {
        assertThat(PolicyVariables.resolve("a/${iot:ClientId", keys("c"))).map(WildcardPattern::text)
                .contains("a/${iot:ClientId");
    }
}
