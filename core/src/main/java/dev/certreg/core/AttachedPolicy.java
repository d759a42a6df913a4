package dev.certreg.core;

/**
 * A policy attached to a target, with its default version's document as stored.
 *
 * @param policyName the policy's name
 * @param document the default version's document, exactly as it was sent
 */
public record AttachedPolicy(String policyName, String document) {}
