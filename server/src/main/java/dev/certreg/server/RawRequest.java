package dev.certreg.server;

import java.util.List;
import java.util.Map;

/**
 * A request as it arrived, before routing: what an {@link Authenticator} may need to check a signature.
 *
 * @param method the HTTP method
 * @param path the decoded path
 * @param rawQuery the query string as sent (still percent-encoded), or null
 * @param headers header names in lower case, each with its values in order
 * @param query the decoded query parameters (first value of each name)
 * @param body the body bytes, empty when none was sent
 */
public record RawRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        Map<String, String> query,
        byte[] body) {

    /** The first value of a header, or null. */
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
