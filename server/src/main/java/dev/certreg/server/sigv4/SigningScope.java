package dev.certreg.server.sigv4;

/**
 * A credential {@code AKID/yyyymmdd/region/service/aws4_request}, checked strictly against the request's
 * {@code X-Amz-Date}, the regions served and the service (InvalidSignatureException with AWS's wording otherwise).
 *
 * @param accessKeyId the access key id, not yet looked up
 * @param region the region, one this instance serves
 */
record SigningScope(String accessKeyId, String region) {
    static final String TERMINATOR = "aws4_request";

    static SigningScope check(SignatureClaim claim, Regions regions, String service) {
        String[] parts = claim.credential().split("/", -1);
        if (parts.length != 5) {
            throw AuthFailures.invalid("Credential must have exactly 5 slash-delimited elements, e.g."
                    + " keyid/date/region/service/term, got '" + AuthFailures.abbreviate(claim.credential()) + "'");
        }
        String day = claim.amzDate().substring(0, 8);
        if (!parts[1].equals(day)) {
            throw AuthFailures.invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date"
                    + " from HTTP: '" + AuthFailures.abbreviate(parts[1]) + "' != '" + day + "', from '"
                    + claim.amzDate() + "'.");
        }
        if (!regions.serves(parts[2])) {
            throw AuthFailures.invalid("Credential should be scoped to a valid region, not '"
                    + AuthFailures.abbreviate(parts[2]) + "'.");
        }
        if (!parts[3].equals(service)) {
            throw AuthFailures.invalid("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!parts[4].equals(TERMINATOR)) {
            throw AuthFailures.invalid("Credential should be scoped with a valid terminator: '" + TERMINATOR
                    + "', not '" + AuthFailures.abbreviate(parts[4]) + "'.");
        }
        return new SigningScope(parts[0], parts[2]);
    }
}
