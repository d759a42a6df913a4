package dev.certreg.core;

import java.util.Objects;

/**
 * The (account, region) pair that owns every certificate. Every store query leads with it.
 *
 * @param account the 12-digit AWS account id
 * @param region the region from the request's credential scope
 */
public record Scope(String account, String region) {
    /**
     * The account of a caller that names none: an open-mode access key id that is not 12 digits, a credentials-file
     * key without {@code account}, and {@code certreg import} without {@code --account}.
     */
    public static final String DEFAULT_ACCOUNT = "123456789012";

    public Scope {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
    }

    /** The ARN partition of this scope's region. */
    public String partition() {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        return "aws";
    }

    /** The ARN of a device certificate in this scope. */
    public String certificateArn(String certificateId) {
        return arn("cert", certificateId);
    }

    /** The ARN of a CA certificate in this scope. */
    public String caCertificateArn(String certificateId) {
        return arn("cacert", certificateId);
    }

    /** The ARN of a thing in this scope. */
    public String thingArn(String thingName) {
        return arn("thing", thingName);
    }

    /** The ARN of a resource of {@code resourceType} (such as {@code policy}) named {@code name} in this scope. */
    public String arn(String resourceType, String name) {
        return "arn:" + partition() + ":iot:" + region + ":" + account + ":" + resourceType + "/" + name;
    }
}
