package dev.certreg.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The storage SPI for policies, their versions and their attachments to certificates, beside
 * {@link CertificateStore} and over the same database ({@link CertificateStore#policies()}). Every method leads with
 * the {@link Scope}.
 *
 * <p>Every limit and guard is decided by the database inside the write's transaction, never by a read followed by a
 * write in the caller: a policy's version count and a certificate's policy count are counters on their rows,
 * changed by conditional updates, so racing writers (in one process or many) cannot exceed a limit, attach to a
 * policy or certificate being deleted, or delete a policy being attached. Writes are durable when they return.
 * Implementations are thread-safe.
 */
public interface PolicyStore {

    /** Stores a new policy whose version 1, its default, is {@code policy.document()}; false if the name is taken. */
    boolean insertPolicy(Policy policy);

    Optional<Policy> findPolicy(Scope scope, String name);

    /**
     * Deletes a policy and its only version: {@link PolicyWrite#DONE}, or, writing nothing, NO_POLICY, ATTACHED
     * (checked first) or EXTRA_VERSIONS.
     */
    PolicyWrite deletePolicy(Scope scope, String name);

    /** One page of the scope's policies in (creation time, name) order; each item is (creation time, name). */
    Page<NamedPosition> listPolicies(Scope scope, NamedPageRequest request);

    /**
     * Adds a version with the next id never issued for the policy, making it the default if {@code setAsDefault},
     * unless the policy is missing (NO_POLICY) or already has {@code maxVersions} versions (VERSIONS_LIMIT).
     */
    NewVersion createPolicyVersion(Scope scope, String name, String document, boolean setAsDefault, Instant now,
            String generationId, int maxVersions);

    Optional<PolicyVersion> findPolicyVersion(Scope scope, String name, long versionId);

    /** Every version of the policy, newest first; empty if the policy does not exist. */
    List<PolicyVersion> listPolicyVersions(Scope scope, String name);

    /** Makes a version the default: DONE, NO_POLICY or NO_VERSION. */
    PolicyWrite setDefaultPolicyVersion(Scope scope, String name, long versionId, Instant now, String generationId);

    /** Deletes a version: DONE, NO_POLICY, NO_VERSION or DEFAULT_VERSION. */
    PolicyWrite deletePolicyVersion(Scope scope, String name, long versionId, Instant now, String generationId);

    /**
     * Attaches a policy to a device certificate, recorded under {@code targetArn}: DONE (also when already
     * attached), NO_POLICY, NO_TARGET, or TARGET_LIMIT when the certificate already has {@code maxPolicies}.
     */
    PolicyWrite attachPolicy(Scope scope, String name, String certificateId, String targetArn, Instant now,
            int maxPolicies);

    /** Detaches a policy from a device certificate; false if it was not attached. */
    boolean detachPolicy(Scope scope, String name, String certificateId, String targetArn);

    /** One page of the policy's targets in attachment order; each item is (attach time, target ARN). */
    Page<NamedPosition> listTargetsForPolicy(Scope scope, String name, NamedPageRequest request);

    /** One page of the target's policies in attachment order; each item is (attach time, policy name). */
    Page<NamedPosition> listAttachedPolicies(Scope scope, String targetArn, NamedPageRequest request);

    /**
     * The policies attached to {@code targetArn} with their default versions' documents, in attachment order, read
     * as of one commit.
     */
    List<AttachedPolicy> attachedPolicies(Scope scope, String targetArn);
}
