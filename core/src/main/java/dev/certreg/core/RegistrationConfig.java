package dev.certreg.core;

/**
 * A CA's just-in-time provisioning settings. Each member may be null (absent).
 *
 * @param templateBody the provisioning template body
 * @param roleArn the role the template runs as
 * @param templateName the name of a provisioning template
 */
public record RegistrationConfig(String templateBody, String roleArn, String templateName) {}
