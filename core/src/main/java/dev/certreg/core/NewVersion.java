package dev.certreg.core;

/**
 * What {@link PolicyStore#createPolicyVersion} did.
 *
 * @param outcome {@link PolicyWrite#DONE}, {@link PolicyWrite#NO_POLICY} or {@link PolicyWrite#VERSIONS_LIMIT}
 * @param versionId the new version's id when the outcome is DONE, else 0
 */
public record NewVersion(PolicyWrite outcome, long versionId) {}
