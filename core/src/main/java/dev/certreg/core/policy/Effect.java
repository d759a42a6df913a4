package dev.certreg.core.policy;

/** A statement's {@code Effect}: {@code Allow} or {@code Deny}, spelled exactly so. */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String wireName;

    Effect(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling in a policy document. */
    public String wireName() {
        return wireName;
    }
}
