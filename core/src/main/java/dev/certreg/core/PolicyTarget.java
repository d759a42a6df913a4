package dev.certreg.core;

import java.util.regex.Pattern;

/**
 * What a policy is attached to. AttachPolicy's {@code target} may be a certificate ARN, a thing group ARN or an Amazon
 * Cognito identity id (API reference, AttachPolicy); certreg has certificates only. Immutable.
 *
 * @param arn the certificate's ARN, as stored and listed
 * @param certificateId the certificate's id
 */
public record PolicyTarget(String arn, String certificateId) {
    private static final Pattern CERTIFICATE_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern COGNITO_ID = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d:[0-9a-fA-F-]+");

    /**
     * The target {@code value} names in {@code scope}: a certificate ARN of the scope. A thing group ARN names a
     * resource certreg has not (ResourceNotFoundException); an ARN of another account or region names nothing the
     * caller owns (ResourceNotFoundException); a Cognito identity id or anything else is refused as AWS refuses what
     * is not a certificate (InvalidRequestException).
     */
    public static PolicyTarget parse(Scope scope, String value) {
        String certificatePrefix = scope.certificateArn("");
        if (value.startsWith(certificatePrefix)) {
            String id = value.substring(certificatePrefix.length());
            if (CERTIFICATE_ID.matcher(id).matches()) {
                return new PolicyTarget(value, id);
            }
            throw ServiceException.invalidRequest("The given ARN does not name a certificate: " + value);
        }
        String[] parts = value.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals("iot")
                && (parts[5].startsWith("cert/") || parts[5].startsWith("thinggroup/"))) {
            throw ServiceException.notFound("Target " + value + " does not exist");
        }
        if (COGNITO_ID.matcher(value).matches()) {
            throw ServiceException.invalidRequest("Amazon Cognito identities are not supported as targets: " + value);
        }
        throw ServiceException.invalidRequest("The given ARN does not represent a cert: " + value);
    }
}
