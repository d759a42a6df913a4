package dev.certreg.core;

/** What a conditional write of the {@link PolicyStore} did, decided inside the store's transaction. */
public enum PolicyWrite {
    /** The write applied (or, for an attachment that already existed, had nothing to do). */
    DONE,
    /** The policy does not exist. */
    NO_POLICY,
    /** The policy exists but the version does not. */
    NO_VERSION,
    /** The target certificate does not exist. */
    NO_TARGET,
    /** The policy is attached to at least one target. */
    ATTACHED,
    /** The policy has versions besides its default. */
    EXTRA_VERSIONS,
    /** The version is the policy's default. */
    DEFAULT_VERSION,
    /** The policy already has the most versions allowed. */
    VERSIONS_LIMIT,
    /** The target already has the most policies allowed. */
    TARGET_LIMIT
}
