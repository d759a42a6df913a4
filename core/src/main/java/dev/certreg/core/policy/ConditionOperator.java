package dev.certreg.core.policy;

import java.util.Optional;

/**
 * A condition operator as written in a document: an IAM {@link Comparison}, optionally prefixed by
 * {@code ForAnyValue:} or {@code ForAllValues:} and suffixed by {@code IfExists} ("IAM JSON policy elements:
 * Condition operators").
 *
 * @param qualifier how a key with several request values is compared
 * @param comparison the comparison itself
 * @param ifExists whether an absent key makes the condition true
 */
public record ConditionOperator(SetQualifier qualifier, Comparison comparison, boolean ifExists) {
    private static final String IF_EXISTS = "IfExists";

    /** How a multivalued request key is compared. */
    public enum SetQualifier {
        /** A single-valued comparison; with several request values, any one that satisfies it will do. */
        NONE(""),
        /** At least one request value satisfies the comparison; false for an empty or absent set. */
        FOR_ANY_VALUE("ForAnyValue:"),
        /** Every request value satisfies the comparison; true for an empty or absent set. */
        FOR_ALL_VALUES("ForAllValues:");

        private final String prefix;

        SetQualifier(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /**
     * The operator a document names, or empty if it names none IAM defines. {@code Null} takes no {@code IfExists}
     * and no set qualifier, as in IAM.
     */
    public static Optional<ConditionOperator> parse(String text) {
        SetQualifier qualifier = SetQualifier.NONE;
        String rest = text;
        for (SetQualifier candidate : SetQualifier.values()) {
            if (candidate != SetQualifier.NONE && rest.startsWith(candidate.prefix())) {
                qualifier = candidate;
                rest = rest.substring(candidate.prefix().length());
            }
        }
        boolean ifExists = rest.endsWith(IF_EXISTS);
        String base = ifExists ? rest.substring(0, rest.length() - IF_EXISTS.length()) : rest;
        for (Comparison comparison : Comparison.values()) {
            if (comparison.wireName().equals(base)) {
                boolean plainNull = comparison == Comparison.NULL && (ifExists || qualifier != SetQualifier.NONE);
                return plainNull ? Optional.empty() : Optional.of(new ConditionOperator(qualifier, comparison, ifExists));
            }
        }
        return Optional.empty();
    }

    /** The spelling in a policy document. */
    public String wireName() {
        return qualifier.prefix() + comparison.wireName() + (ifExists ? IF_EXISTS : "");
    }
}
