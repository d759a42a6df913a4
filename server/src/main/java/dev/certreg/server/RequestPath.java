package dev.certreg.server;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The request path as SigV4 canonicalises it (non-S3 rules) and as the router reads it, so that a request is routed
 * on exactly the path its signature covers. Stateless and thread-safe.
 */
public final class RequestPath {
    private RequestPath() {}

    /**
     * {@code rawPath} (still percent-encoded, as in the request line) with {@code .} segments dropped, {@code ..}
     * resolved, empty segments collapsed and a trailing {@code /} kept; an empty path is {@code /}. Escapes are left
     * alone: {@code %2E} is not a dot.
     */
    public static String normalize(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        String normalized = "/" + String.join("/", segments);
        return rawPath.endsWith("/") && !normalized.endsWith("/") ? normalized + "/" : normalized;
    }

    /** The path the router matches: {@code rawPath} normalised, then percent-decoded. */
    static String routed(String rawPath) {
        return PercentDecoder.decode(normalize(rawPath), "path");
    }
}
