package dev.certreg.server.sigv4;

import dev.certreg.core.ServiceException;
import dev.certreg.server.RawRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a request says about its signature, from exactly one of the {@code Authorization} header and a presigned
 * query. Parsing checks form only (docs/sigv4-verifier.md "Parsing"); whether the claim holds is the authenticator's business.
 *
 * @param presigned whether the signature came in the query ({@code X-Amz-Signature})
 * @param credential {@code AKID/yyyymmdd/region/service/aws4_request}, not yet checked
 * @param signedHeaders lower-case, strictly ascending, all present in the request
 * @param signature 64 lower-case hex digits
 * @param amzDate the {@code X-Amz-Date} value as sent
 * @param time the instant {@code amzDate} names
 * @param expires how long a presigned request stays valid; null for the header
 */
record SignatureClaim(boolean presigned, String credential, List<String> signedHeaders, String signature,
        String amzDate, Instant time, Duration expires) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final Pattern SIGNATURE = Pattern.compile("[0-9a-f]{64}");

    /** The claim of {@code request}: MissingAuthenticationToken if it has none, IncompleteSignature if malformed. */
    static SignatureClaim of(RawRequest request) {
        Optional<String> header = authorizationHeader(request);
        return header.isPresent() ? AuthorizationHeader.parse(header.get(), request) : PresignedQuery.parse(request);
    }

    /**
     * Only the credential of {@code request}, with the same refusals for a missing or malformed mechanism, for
     * callers that check no signature.
     */
    static String credential(RawRequest request) {
        Optional<String> header = authorizationHeader(request);
        return header.isPresent() ? AuthorizationHeader.credential(header.get()) : PresignedQuery.credential(request);
    }

    /** The one Authorization header, or empty for a presigned query; refused if there is neither or both. */
    private static Optional<String> authorizationHeader(RawRequest request) {
        List<String> authorization = request.headers().getOrDefault("authorization", List.of());
        boolean presigned = request.queryParameters().stream().anyMatch(p -> p.name().equals("X-Amz-Algorithm"));
        if (presigned && !authorization.isEmpty()) {
            throw AuthFailures.incomplete("Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter"
                    + " or the Authorization header should be specified");
        }
        if (presigned) {
            return Optional.empty();
        }
        if (authorization.isEmpty()) {
            throw AuthFailures.missing();
        }
        if (authorization.size() > 1) {
            throw AuthFailures.incomplete("Only one Authorization header may be sent");
        }
        return Optional.of(authorization.get(0));
    }

    /** The scope part of the credential, {@code yyyymmdd/region/service/aws4_request}, as the string to sign has it. */
    String scope() {
        return credential.substring(credential.indexOf('/') + 1);
    }

    static String checkedSignature(String signature, String source) {
        if (!SIGNATURE.matcher(signature).matches()) {
            throw AuthFailures.incomplete(source + " must be 64 lower-case hexadecimal digits");
        }
        return signature;
    }

    static Instant checkedTime(String amzDate, String source) {
        Instant time = AmzDate.parse(amzDate);
        if (time == null) {
            throw AuthFailures.incomplete(source + " must be a date of the form yyyyMMdd'T'HHmmss'Z', got '"
                    + ServiceException.abbreviate(amzDate) + "'");
        }
        return time;
    }
}
