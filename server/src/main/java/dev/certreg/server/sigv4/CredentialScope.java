package dev.certreg.server.sigv4;

import dev.certreg.core.ServiceException;
import dev.certreg.server.RawRequest;

/**
 * The credential of a SigV4 request, {@code AKID/yyyymmdd/region/service/aws4_request}, split into its parts. The
 * only reader of a credential: the SigV4 check and open mode, which checks no signature, take it from here, so a
 * malformed credential earns the same answer in both.
 *
 * @param accessKeyId the access key id, not yet looked up
 * @param date the scope's day, {@code yyyymmdd}
 * @param region the region
 * @param service the signing name
 * @param terminator {@code aws4_request} when well formed
 */
public record CredentialScope(String accessKeyId, String date, String region, String service, String terminator) {
    static final String TERMINATOR = "aws4_request";

    /**
     * The credential of {@code request}, whose signature is not checked: AWS's 403s if there is none
     * (MissingAuthenticationTokenException), if the {@code Authorization} header or presigned query is malformed
     * (IncompleteSignatureException) or if the credential is (InvalidSignatureException), as for a SigV4 check.
     * The region must have the form of one, as {@link Regions#any()} accepts.
     */
    public static CredentialScope of(RawRequest request) {
        CredentialScope scope = parse(SignatureClaim.credential(request));
        scope.checkRegion(Regions.any());
        scope.checkTerminator();
        return scope;
    }

    /** Checks {@code claim}'s credential strictly against its date, the regions served and {@code service}. */
    static CredentialScope check(SignatureClaim claim, Regions regions, String service) {
        CredentialScope scope = parse(claim.credential());
        String day = claim.amzDate().substring(0, 8);
        if (!scope.date.equals(day)) {
            throw AuthFailures.invalid("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date"
                    + " from HTTP: '" + ServiceException.abbreviate(scope.date) + "' != '" + day + "', from '"
                    + claim.amzDate() + "'.");
        }
        scope.checkRegion(regions);
        if (!scope.service.equals(service)) {
            throw AuthFailures.invalid("Credential should be scoped to correct service: '" + service + "'.");
        }
        scope.checkTerminator();
        return scope;
    }

    private static CredentialScope parse(String credential) {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5) {
            throw AuthFailures.invalid("Credential must have exactly 5 slash-delimited elements, e.g."
                    + " keyid/date/region/service/term, got '" + ServiceException.abbreviate(credential) + "'");
        }
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    private void checkRegion(Regions regions) {
        if (!regions.serves(region)) {
            throw AuthFailures.invalid("Credential should be scoped to a valid region, not '"
                    + ServiceException.abbreviate(region) + "'.");
        }
    }

    private void checkTerminator() {
        if (!terminator.equals(TERMINATOR)) {
            throw AuthFailures.invalid("Credential should be scoped with a valid terminator: '" + TERMINATOR
                    + "', not '" + ServiceException.abbreviate(terminator) + "'.");
        }
    }
}
