package dev.certreg.server.sigv4;

import dev.certreg.server.QueryParameter;
import dev.certreg.server.RawRequest;
import dev.certreg.server.RequestPath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The canonical request of SigV4's non-S3 rules (docs/sigv4-verifier.md "Canonical request"): {@code
 * Method\nURI\nQuery\nHeaders\nSignedHeaders\nPayload}. Thread-safe.
 */
final class CanonicalRequest {
    /** What SigV4 and the Java SDK count as whitespace in a header value. */
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[ \\t\\n\\x0B\\f\\r]+");
    private static final Comparator<String[]> BY_NAME_THEN_VALUE =
            Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]);

    private CanonicalRequest() {}

    /**
     * The canonical request of {@code request}.
     *
     * @param signedHeaders the lower-case names to cover, already checked
     * @param presigned whether to leave {@code X-Amz-Signature} out of the query
     * @param payloadHash the hex SHA-256 of the body
     * @param normalizePath false only in tests of S3-style vectors; the server always normalises
     */
    static String of(RawRequest request, List<String> signedHeaders, boolean presigned, String payloadHash,
            boolean normalizePath) {
        return request.method() + '\n'
                + uri(request.rawPath(), normalizePath) + '\n'
                + query(request.queryParameters(), presigned) + '\n'
                + headers(request.headers(), signedHeaders) + '\n'
                + String.join(";", signedHeaders) + '\n'
                + payloadHash;
    }

    /** The raw path, normalised, then URI-encoded a second time: {@code /a%20b} is {@code /a%2520b}. */
    static String uri(String rawPath, boolean normalize) {
        if (!normalize) {
            return UriEncoding.path(rawPath.isEmpty() ? "/" : rawPath);
        }
        return UriEncoding.path(RequestPath.normalize(rawPath));
    }

    /** Decoded names and values re-encoded, sorted by name then value, joined with {@code &}. */
    static String query(List<QueryParameter> parameters, boolean presigned) {
        List<String[]> encoded = new ArrayList<>(parameters.size());
        for (QueryParameter parameter : parameters) {
            if (!(presigned && parameter.name().equals(PresignedQuery.SIGNATURE))) {
                encoded.add(new String[] {UriEncoding.component(parameter.name()),
                    UriEncoding.component(parameter.value())});
            }
        }
        encoded.sort(BY_NAME_THEN_VALUE);
        StringBuilder out = new StringBuilder();
        for (String[] pair : encoded) {
            out.append(out.length() == 0 ? "" : "&").append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /** One {@code name:value\n} line per signed header; repeated values joined with {@code ,} in arrival order. */
    static String headers(Map<String, List<String>> headers, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = headers.getOrDefault(name, List.of());
            out.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ",").append(value(values.get(i)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Trimmed, inner runs collapsed to one space (String.strip would also cut Unicode spaces, which SDKs keep). */
    private static String value(String raw) {
        String collapsed = WHITESPACE_RUN.matcher(raw).replaceAll(" ");
        int start = collapsed.startsWith(" ") ? 1 : 0;
        int end = collapsed.length() > start && collapsed.endsWith(" ") ? collapsed.length() - 1 : collapsed.length();
        return collapsed.substring(start, end);
    }
}
