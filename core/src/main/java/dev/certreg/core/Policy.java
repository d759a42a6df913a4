package dev.certreg.core;

import java.time.Instant;

/**
 * A policy as GetPolicy describes it: its default version's document and the policy's bookkeeping.
 *
 * @param scope the owning account and region
 * @param name the policy name
 * @param defaultVersionId the id of the version in force
 * @param document the default version's document, exactly as it was sent
 * @param creationDate when the policy was created (millisecond precision)
 * @param lastModifiedDate when the policy or one of its versions last changed
 * @param generationId 64 lower-case hexadecimal characters, renewed on every change
 */
public record Policy(Scope scope, String name, long defaultVersionId, String document, Instant creationDate,
        Instant lastModifiedDate, String generationId) {

    /** The policy's ARN. */
    public String arn() {
        return arn(scope, name);
    }

    /** The ARN of the policy {@code name} in {@code scope}: {@code arn:aws:iot:REGION:ACCOUNT:policy/NAME}. */
    public static String arn(Scope scope, String name) {
        return "arn:" + scope.partition() + ":iot:" + scope.region() + ":" + scope.account() + ":policy/" + name;
    }
}
