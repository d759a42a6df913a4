package dev.certreg.server.sigv4;

import dev.certreg.server.RawRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One-byte changes to a signed request that change what it means: a signature digit, a body byte, a path or query
 * character outside any escape (so never {@code %2b} for {@code %2B}), a non-blank character of a signed header, the
 * method. Equivalent spellings are left to the tests of what must still be accepted.
 */
final class OneByteMutations {
    enum Kind {
        SIGNATURE, BODY, PATH, QUERY, SIGNED_HEADER, METHOD;

        private static final List<Kind> ALL = List.of(values());

        static Kind any(Random random) {
            return ALL.get(random.nextInt(ALL.size()));
        }
    }

    private final Random random;

    OneByteMutations(Random random) {
        this.random = random;
    }

    RawRequest apply(Kind kind, RawRequest request, boolean presigned) {
        return switch (kind) {
            case SIGNATURE -> presigned
                    ? Requests.withRawQuery(request, flipLastHexDigitOf(request.rawQuery(), "X-Amz-Signature="))
                    : Requests.withHeader(request, "authorization",
                            flipLastHexDigitOf(request.header("authorization"), "Signature="));
            case BODY -> RawRequest.of(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                    body(request.body()));
            case PATH -> RawRequest.of(request.method(), changeOneCharacter(request.rawPath(), "/x"),
                    request.rawQuery(), request.headers(), request.body());
            case QUERY -> Requests.withRawQuery(request, changeOneCharacter(request.rawQuery(), "x"));
            case SIGNED_HEADER -> signedHeader(request, presigned);
            case METHOD -> RawRequest.of(other(request.method()), request.rawPath(), request.rawQuery(),
                    request.headers(), request.body());
        };
    }

    private String flipLastHexDigitOf(String text, String key) {
        int start = text.indexOf(key) + key.length();
        int at = start + random.nextInt(64);
        char digit = text.charAt(at);
        char other = "0123456789abcdef".charAt((Character.digit(digit, 16) + 1 + random.nextInt(15)) % 16);
        return text.substring(0, at) + other + text.substring(at + 1);
    }

    private byte[] body(byte[] body) {
        if (body.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        byte[] changed = body.clone();
        changed[random.nextInt(changed.length)] ^= (byte) (1 + random.nextInt(255));
        return changed;
    }

    /** A letter or digit outside any {@code %XX} replaced by another, or {@code suffix} appended if there is none. */
    private String changeOneCharacter(String text, String suffix) {
        if (text == null || text.isEmpty()) {
            return suffix.substring(suffix.length() - 1);
        }
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 128 && !inEscape(text, i)) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return text + suffix;
        }
        int at = candidates.get(random.nextInt(candidates.size()));
        return text.substring(0, at) + other(text.charAt(at)) + text.substring(at + 1);
    }

    private static boolean inEscape(String text, int i) {
        return (i >= 1 && text.charAt(i - 1) == '%') || (i >= 2 && text.charAt(i - 2) == '%');
    }

    private RawRequest signedHeader(RawRequest request, boolean presigned) {
        List<String> names = signedHeaderNames(request, presigned);
        String name = names.get(random.nextInt(names.size()));
        List<String> values = new ArrayList<>(request.headers().get(name));
        int which = random.nextInt(values.size());
        String value = values.get(which);
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < value.length(); i++) {
            if (!Character.isWhitespace(value.charAt(i))) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            values.set(which, value + "x");
        } else {
            int at = candidates.get(random.nextInt(candidates.size()));
            values.set(which, value.substring(0, at) + other(value.charAt(at)) + value.substring(at + 1));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put(name, values);
        return RawRequest.of(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    private static List<String> signedHeaderNames(RawRequest request, boolean presigned) {
        if (presigned) {
            // The raw parameters: the random requests may repeat a name, which only handlers refuse.
            return List.of(request.queryParameters().stream().filter(p -> p.name().equals("X-Amz-SignedHeaders"))
                    .findFirst().orElseThrow().value().split(";"));
        }
        String authorization = request.header("authorization");
        int start = authorization.indexOf("SignedHeaders=") + "SignedHeaders=".length();
        return List.of(authorization.substring(start, authorization.indexOf(',', start)).split(";"));
    }

    private char other(char c) {
        String pool = Character.isDigit(c) ? "0123456789" : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        char other;
        do {
            other = pool.charAt(random.nextInt(pool.length()));
        } while (other == c);
        return other;
    }

    private String other(String method) {
        return method.substring(0, method.length() - 1) + other(method.charAt(method.length() - 1));
    }
}
