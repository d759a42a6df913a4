package dev.certreg.core.policy;

import java.util.Locale;

/**
 * The condition operators of IAM's JSON policy language ("IAM JSON policy elements: Condition operators"), which AWS
 * IoT policies follow. The document spelling is derived from the constant: {@code STRING_NOT_LIKE} is
 * {@code StringNotLike}.
 */
public enum Comparison {
    STRING_EQUALS(Kind.STRING, false),
    STRING_NOT_EQUALS(Kind.STRING, true),
    STRING_EQUALS_IGNORE_CASE(Kind.STRING, false),
    STRING_NOT_EQUALS_IGNORE_CASE(Kind.STRING, true),
    STRING_LIKE(Kind.STRING, false),
    STRING_NOT_LIKE(Kind.STRING, true),
    NUMERIC_EQUALS(Kind.NUMERIC, false),
    NUMERIC_NOT_EQUALS(Kind.NUMERIC, true),
    NUMERIC_LESS_THAN(Kind.NUMERIC, false),
    NUMERIC_LESS_THAN_EQUALS(Kind.NUMERIC, false),
    NUMERIC_GREATER_THAN(Kind.NUMERIC, false),
    NUMERIC_GREATER_THAN_EQUALS(Kind.NUMERIC, false),
    DATE_EQUALS(Kind.DATE, false),
    DATE_NOT_EQUALS(Kind.DATE, true),
    DATE_LESS_THAN(Kind.DATE, false),
    DATE_LESS_THAN_EQUALS(Kind.DATE, false),
    DATE_GREATER_THAN(Kind.DATE, false),
    DATE_GREATER_THAN_EQUALS(Kind.DATE, false),
    BOOL(Kind.BOOL, false),
    IP_ADDRESS(Kind.IP, false),
    NOT_IP_ADDRESS(Kind.IP, true),
    ARN_EQUALS(Kind.ARN, false),
    ARN_LIKE(Kind.ARN, false),
    ARN_NOT_EQUALS(Kind.ARN, true),
    ARN_NOT_LIKE(Kind.ARN, true),
    NULL(Kind.NULL, false);

    /** The type of value an operator compares. */
    public enum Kind {
        STRING,
        NUMERIC,
        DATE,
        BOOL,
        IP,
        ARN,
        NULL
    }

    private final Kind kind;
    private final boolean negated;
    private final String wireName;

    Comparison(Kind kind, boolean negated) {
        this.kind = kind;
        this.negated = negated;
        this.wireName = camelCase(name());
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Whether this is a negated operator ({@code StringNotEquals}, {@code NotIpAddress}, …): true when the request
     * value equals none of the policy's values, and true when the key is absent.
     */
    public boolean negated() {
        return negated;
    }

    /** The spelling in a policy document. */
    public String wireName() {
        return wireName;
    }

    private static String camelCase(String constant) {
        StringBuilder out = new StringBuilder();
        for (String word : constant.split("_", -1)) {
            out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
