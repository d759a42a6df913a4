package dev.certreg.core;

import java.util.Optional;

/**
 * An AWS IoT resource ARN, {@code arn:PARTITION:iot:REGION:ACCOUNT:TYPE/NAME} (API reference, "AWS IoT resources";
 * the service authorization reference lists the resource types). Immutable.
 *
 * @param scope the account and region the ARN names
 * @param resourceType the resource type, such as {@code cacert}, {@code cert}, {@code thing} or {@code policy}
 * @param name what follows the type's slash: a certificate id or a resource name
 */
public record ResourceArn(Scope scope, String resourceType, String name) {

    /** The ARN parsed, or empty if it is not an IoT ARN of the form above in the partition of its region. */
    public static Optional<ResourceArn> parse(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("iot") || parts[3].isEmpty()
                || parts[4].isEmpty()) {
            return Optional.empty();
        }
        int slash = parts[5].indexOf('/');
        if (slash <= 0 || slash == parts[5].length() - 1) {
            return Optional.empty();
        }
        Scope scope = new Scope(parts[4], parts[3]);
        if (!scope.partition().equals(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new ResourceArn(scope, parts[5].substring(0, slash), parts[5].substring(slash + 1)));
    }

    /** The ARN as a string. */
    public String arn() {
        return scope.arn(resourceType, name);
    }
}
