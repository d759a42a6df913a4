package dev.certreg.core;

/**
 * What a registration returns.
 *
 * @param certificateArn the new certificate's ARN
 * @param certificateId the new certificate's id
 */
public record Registered(String certificateArn, String certificateId) {}
