package dev.certreg.core.policy;

import java.util.BitSet;

/**
 * A pattern after variable substitution: text in which some positions are the wildcards {@code *} (any run of
 * characters, {@code /} included) and {@code ?} (exactly one character), and every other character, those that came
 * from a variable's value and those written as {@code ${*}}, {@code ${?}} or {@code ${$}} included, stands for
 * itself. MQTT's {@code +} and {@code #} are plain characters ("AWS IoT Core policy variables", "Publish/Subscribe
 * policy examples").
 *
 * <p>Matching takes time proportional to the product of the lengths at worst, never exponential.
 */
final class WildcardPattern {
    private final String text;
    private final BitSet wild;

    private WildcardPattern(String text, BitSet wild) {
        this.text = text;
        this.wild = wild;
    }

    /** A pattern whose {@code *} and {@code ?} are all wildcards, as action names are written. */
    static WildcardPattern of(String pattern) {
        Builder builder = new Builder();
        pattern.chars().forEach(c -> builder.pattern((char) c));
        return builder.build();
    }

    /** The text with wildcards written as themselves: the value of an equality comparison. */
    String text() {
        return text;
    }

    boolean matches(String subject, boolean ignoreCase) {
        int p = 0;
        int s = 0;
        int starP = -1;
        int starS = 0;
        while (s < subject.length()) {
            if (p < text.length() && isWild(p, '*')) {
                starP = p++;
                starS = s;
            } else if (p < text.length() && (isWild(p, '?') || same(text.charAt(p), subject.charAt(s), ignoreCase))) {
                p++;
                s++;
            } else if (starP >= 0) {
                p = starP + 1;
                s = ++starS;
            } else {
                return false;
            }
        }
        while (p < text.length() && isWild(p, '*')) {
            p++;
        }
        return p == text.length();
    }

    private boolean isWild(int position, char wildcard) {
        return wild.get(position) && text.charAt(position) == wildcard;
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        return a == b || (ignoreCase && Character.toLowerCase(a) == Character.toLowerCase(b));
    }

    /** Collects pattern characters (where {@code *} and {@code ?} are wildcards) and literal ones. */
    static final class Builder {
        private final StringBuilder text = new StringBuilder();
        private final BitSet wild = new BitSet();

        Builder pattern(char c) {
            if (c == '*' || c == '?') {
                wild.set(text.length());
            }
            text.append(c);
            return this;
        }

        Builder literal(String value) {
            text.append(value);
            return this;
        }

        WildcardPattern build() {
            return new WildcardPattern(text.toString(), (BitSet) wild.clone());
        }
    }
}
