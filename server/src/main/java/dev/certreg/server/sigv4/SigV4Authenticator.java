package dev.certreg.server.sigv4;

import dev.certreg.core.Scope;
import dev.certreg.server.Authenticator;
import dev.certreg.server.RawRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Objects;

/**
 * Verifies AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) as AWS IoT's control plane does: the
 * {@code Authorization} header or a presigned query, the non-S3 canonical request (normalised, twice-encoded path),
 * a credential scoped to {@code iot} in a served region, a known access key, a time within five minutes of the
 * injected clock, and a constant-time comparison. The caller's scope is the key's account and the credential's
 * region.
 *
 * <p>Refusals are 403s with AWS's error types: MissingAuthenticationTokenException, IncompleteSignatureException,
 * InvalidSignatureException, UnrecognizedClientException (unknown or disabled keys, and every session token:
 * temporary credentials are not supported). There is no replay protection inside the time window, as on AWS.
 *
 * <p>Immutable and thread-safe.
 */
public final class SigV4Authenticator implements Authenticator {
    /** The signing name of AWS IoT's control plane. */
    public static final String SERVICE = "iot";

    private final Credentials credentials;
    private final Regions regions;
    private final Clock clock;
    private final String service;
    private final boolean refuseSessionTokens;

    /**
     * An authenticator for the {@code iot} service.
     *
     * @param credentials the access keys accepted
     * @param regions the regions served
     * @param clock the time signatures are checked against
     */
    public SigV4Authenticator(Credentials credentials, Regions regions, Clock clock) {
        this(credentials, regions, clock, SERVICE, true);
    }

    /**
     * The same rules for another signing name; {@code refuseSessionTokens} false lets tests show that a signed
     * token verifies before the policy refuses it.
     */
    SigV4Authenticator(Credentials credentials, Regions regions, Clock clock, String service,
            boolean refuseSessionTokens) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.service = Objects.requireNonNull(service, "service");
        this.refuseSessionTokens = refuseSessionTokens;
    }

    @Override
    public Scope authenticate(RawRequest request) {
        SignatureClaim claim = SignatureClaim.of(request);
        Payload.refuseChunkedAndUnsigned(request);
        CredentialScope scope = CredentialScope.check(claim, regions, service);
        AccessKey key = credentials.find(scope.accessKeyId()).filter(AccessKey::enabled)
                .orElseThrow(AuthFailures::unknownKey);
        if (refuseSessionTokens && carriesSessionToken(request)) {
            throw AuthFailures.sessionToken();
        }
        TimeWindow.check(claim, clock.instant());
        String canonical = CanonicalRequest.of(request, claim.signedHeaders(), claim.presigned(),
                Payload.hash(request), true);
        verify(claim, key, scope, canonical);
        return new Scope(key.account(), scope.region());
    }

    private void verify(SignatureClaim claim, AccessKey key, CredentialScope scope, String canonicalRequest) {
        String expected = SigningKey.derive(key.secretAccessKey(), claim.amzDate().substring(0, 8), scope.region(),
                service).sign(SigningKey.stringToSign(claim.amzDate(), claim.scope(), canonicalRequest));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                claim.signature().getBytes(StandardCharsets.US_ASCII))) {
            throw AuthFailures.mismatch();
        }
    }

    private static boolean carriesSessionToken(RawRequest request) {
        return request.headers().containsKey("x-amz-security-token")
                || request.queryParameters().stream().anyMatch(p -> p.name().equals("X-Amz-Security-Token"));
    }

    @Override
    public String toString() {
        return "SigV4Authenticator[service=" + service + ", regions=" + regions + ", " + credentials + "]";
    }
}
