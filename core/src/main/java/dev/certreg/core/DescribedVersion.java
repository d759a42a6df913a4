package dev.certreg.core;

/**
 * A policy version as GetPolicyVersion describes it, with the policy it belongs to.
 *
 * @param policy the policy, for its ARN, last change and generation id
 * @param version the version
 */
public record DescribedVersion(Policy policy, PolicyVersion version) {}
