package dev.certreg.core;

/**
 * One thing–principal attachment.
 *
 * @param thingName the thing
 * @param certificateId the attached device certificate
 * @param type exclusive or not
 */
public record ThingAttachment(String thingName, String certificateId, ThingPrincipalType type) {}
