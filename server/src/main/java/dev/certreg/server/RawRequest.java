package dev.certreg.server;

import dev.certreg.core.ServiceException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A request as it arrived, before routing: what an {@link Authenticator} needs to check a signature. Its
 * {@code toString} names headers but shows none of their values, so that no {@code Authorization} reaches a log.
 *
 * @param method the HTTP method, as sent
 * @param rawPath the path from the request line, not decoded
 * @param path the path the router matches: {@code rawPath} normalised as SigV4 canonicalises it, then decoded
 * @param rawQuery the query string as sent (still percent-encoded), or null
 * @param headers header names in lower case, each with its values in arrival order
 * @param queryParameters the decoded query parameters in arrival order
 * @param body the body bytes after transfer decoding, empty when none was sent
 */
@SuppressWarnings("ArrayRecordComponent") // never compared or hashed: the body is carried, not a key
public record RawRequest(
        String method,
        String rawPath,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        List<QueryParameter> queryParameters,
        byte[] body) {

    /**
     * A request read from the wire: derives the routed path and parses the query once. A malformed escape in either
     * is an InvalidRequestException.
     */
    public static RawRequest of(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
            byte[] body) {
        return new RawRequest(method, rawPath, RequestPath.routed(rawPath), rawQuery, headers,
                QueryString.parse(rawQuery), body);
    }

    /** The first value of a header, or null. */
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The decoded query parameters by name. Every query member of the IoT API is a scalar, which the SDKs send once;
     * a name sent twice ({@code pageSize=2&pageSize=999}) is refused with InvalidRequestException rather than
     * silently resolved, so that no reader of the request can take another value than the one served.
     */
    public Map<String, String> query() {
        Map<String, String> query = new HashMap<>();
        for (QueryParameter p : queryParameters) {
            if (query.putIfAbsent(p.name(), p.value()) != null) {
                throw ServiceException.invalidRequest("The query parameter " + p.name() + " is given more than once");
            }
        }
        return query;
    }

    @Override
    public String toString() {
        return "RawRequest[" + method + " " + path + ", headers=" + headers.keySet() + ", query="
                + queryParameters.stream().map(QueryParameter::name).toList() + ", body=" + body.length + " bytes]";
    }
}
