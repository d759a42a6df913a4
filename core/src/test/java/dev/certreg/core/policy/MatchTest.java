package dev.certreg.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ActionMatch} and {@link ResourceMatch}. */
class MatchTest {
    private static final String TOPIC = "arn:aws:iot:us-east-1:123456789012:topic/room/";
    private static final ContextKeys KEYS = ContextKeys.of(
            RequestContext.builder(new Scope("123456789012", "us-east-1"), Instant.EPOCH).clientId("c1").build());

    @Test
    void actionsMatchWithWildcardsAndWithoutCase() {
        assertThat(ActionMatch.covers(new PatternList(List.of("iot:Publish"), false), "iot:Publish")).isTrue();
        assertThat(ActionMatch.covers(new PatternList(List.of("IOT:publish"), false), "iot:Publish")).isTrue();
        assertThat(ActionMatch.covers(new PatternList(List.of("iot:*"), false), "iot:Receive")).isTrue();
        assertThat(ActionMatch.covers(new PatternList(List.of("*"), false), "iot:Connect")).isTrue();
        assertThat(ActionMatch.covers(new PatternList(List.of("iot:Pub*"), false), "iot:Subscribe")).isFalse();
        assertThat(ActionMatch.covers(new PatternList(List.of("iot:Publish"), false), "iot:RetainPublish")).isFalse();
        assertThat(ActionMatch.covers(new PatternList(List.of("iot:6"), false), "iot:Publish")).isFalse();
    }

    @Test
    void notActionCoversEverythingElse() {
        PatternList notReceive = new PatternList(List.of("iot:Receive"), true);

        assertThat(ActionMatch.covers(notReceive, "iot:Publish")).isTrue();
        assertThat(ActionMatch.covers(notReceive, "iot:Receive")).isFalse();
    }

    @Test
    void resourcesMatchTheWholeArnCaseSensitively() {
        PatternList rooms = new PatternList(List.of(TOPIC + "${iot:ClientId}/*"), false);

        assertThat(ResourceMatch.covers(rooms, TOPIC + "c1/temp", KEYS)).isTrue();
        assertThat(ResourceMatch.covers(rooms, TOPIC + "C1/temp", KEYS)).isFalse();
        assertThat(ResourceMatch.covers(rooms, "x" + TOPIC + "c1/temp", KEYS)).isFalse();
        assertThat(ResourceMatch.covers(new PatternList(List.of("*"), false), TOPIC + "x", KEYS)).isTrue();
        assertThat(ResourceMatch.covers(new PatternList(List.of("arn:aws:iot:*:*:topic/room/*"), false),
                TOPIC + "x", KEYS)).isTrue();
    }

    @Test
    void topicAndTopicFilterResourcesAreDistinct() {
        PatternList filters = new PatternList(List.of("arn:aws:iot:us-east-1:123456789012:topicfilter/room/*"), false);

        assertThat(ResourceMatch.covers(filters, TOPIC + "x", KEYS)).isFalse();
    }

    @Test
    void anUnresolvedVariableNeverWidensAStatement() {
        String thingTopic = TOPIC + "${iot:Connection.Thing.ThingName}/*";

        assertThat(ResourceMatch.covers(new PatternList(List.of(thingTopic), false), TOPIC + "c1/x", KEYS)).isFalse();
        assertThat(ResourceMatch.covers(new PatternList(List.of(thingTopic), true), TOPIC + "c1/x", KEYS)).isFalse();
        assertThat(ResourceMatch.covers(new PatternList(List.of(TOPIC + "a/*"), true), TOPIC + "b", KEYS)).isTrue();
    }
}
