package dev.certreg.server;

import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SigV4 credential of a request: {@code <accessKeyId>/<date>/<region>/<service>/aws4_request}, taken from the
 * {@code Authorization} header or, for a presigned URL, the {@code X-Amz-Credential} query parameter.
 *
 * @param accessKeyId the access key id
 * @param date the scope date (yyyyMMdd)
 * @param region the region
 * @param service the signing service name
 */
public record CredentialScope(String accessKeyId, String date, String region, String service) {
    private static final Pattern HEADER_CREDENTIAL = Pattern.compile("Credential=([^,\\s]+)");
    private static final Pattern CREDENTIAL =
            Pattern.compile("([^/]+)/(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");

    /** The credential scope of {@code request}, or UnauthorizedException naming what is missing or malformed. */
    public static CredentialScope of(RawRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null) {
            if (!authorization.startsWith("AWS4-HMAC-SHA256 ")) {
                throw unauthorized("The Authorization header is not an AWS4-HMAC-SHA256 signature");
            }
            Matcher matcher = HEADER_CREDENTIAL.matcher(authorization);
            if (!matcher.find()) {
                throw unauthorized("The Authorization header has no Credential");
            }
            return parse(matcher.group(1));
        }
        // Read from the raw parameters, not query(): a request whose other parameters repeat is still answered by
        // its signature first (a 403), like any other altered request.
        Optional<String> presigned = request.queryParameters().stream()
                .filter(p -> p.name().equals("X-Amz-Credential")).map(QueryParameter::value).findFirst();
        if (presigned.isPresent()) {
            return parse(presigned.get());
        }
        throw unauthorized("The request is not signed: there is no Authorization header and no X-Amz-Credential");
    }

    private static CredentialScope parse(String credential) {
        Matcher matcher = CREDENTIAL.matcher(credential);
        if (!matcher.matches()) {
            throw unauthorized("The credential '" + credential
                    + "' is not of the form <accessKeyId>/<yyyyMMdd>/<region>/<service>/aws4_request");
        }
        return new CredentialScope(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4));
    }

    private static ServiceException unauthorized(String message) {
        return new ServiceException(ErrorCode.UNAUTHORIZED, message);
    }
}
