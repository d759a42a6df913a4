package dev.certreg.core;

import java.time.Instant;

/**
 * One version of a policy's document. Versions never change; only which one is the default does.
 *
 * @param versionId the version id, 1 for the document CreatePolicy gave
 * @param document the document, exactly as it was sent
 * @param isDefault whether this version is the one in force
 * @param createDate when the version was created (millisecond precision)
 */
public record PolicyVersion(long versionId, String document, boolean isDefault, Instant createDate) {}
