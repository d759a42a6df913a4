package dev.certreg.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardPatternTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            a/b         | a/b         | true
            a/b         | a/B         | false
            a/*         | a/          | true
            a/*         | a/b/c       | true
            a/*         | a           | false
            *           | ''          | true
            a/?         | a/b         | true
            a/?         | a/bc        | false
            a/?/c       | a/+/c       | true
            *b*b*b*     | abababab    | true
            *b*b*b*c    | abababab    | false
            a+b         | a+b         | true
            a#          | a/b         | false
            ''          | ''          | true
            ''          | x           | false
            """)
    void matchesStarAndQuestionMarkOnly(String pattern, String subject, boolean expected) {
        assertThat(WildcardPattern.of(pattern).matches(subject, false)).isEqualTo(expected);
    }

    @Test
    void literalPartsStayLiteral() {
        WildcardPattern pattern = new WildcardPattern.Builder().pattern('a').literal("*?").pattern('*').build();

        assertThat(pattern.matches("a*?zzz", false)).isTrue();
        assertThat(pattern.matches("axyzzz", false)).isFalse();
        assertThat(pattern.text()).isEqualTo("a*?*");
    }

    @Test
    void ignoresCaseOnlyWhenAsked() {
        assertThat(WildcardPattern.of("iot:pub*").matches("IOT:Publish", true)).isTrue();
        assertThat(WildcardPattern.of("iot:pub*").matches("IOT:Publish", false)).isFalse();
    }

    @Test
    void manyStarsStayFast() {
        String pattern = "*a".repeat(500) + "b";
        String subject = "a".repeat(2000);

        assertThat(WildcardPattern.of(pattern).matches(subject, false)).isFalse();
    }
}
