package dev.certreg.core;

/**
 * A list item of the policy lists and its position in list order: a time, then a name as the tie-break. In
 * ListPolicies the name is a policy's and the time its creation; in ListTargetsForPolicy the name is a target's and
 * in ListAttachedPolicies a policy's, the time that of the attachment.
 *
 * @param millis the order time in epoch milliseconds
 * @param name the name, compared byte-wise
 */
public record NamedPosition(long millis, String name) {}
