package dev.certreg.core;

import dev.certreg.protocol.Members;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code nextToken} of the registry lists (ListThings, ListThingPrincipals, ListPrincipalThings,
 * ListTagsForResource): a position that is a name (a thing name, a certificate id, a tag key), sealed like
 * {@link MarkerCodec}'s markers. A token is standard base64 of {@code version | position (UTF-8) | tag}, the tag a
 * truncated HMAC-SHA256 over the version, the list it belongs to (operation and filter), the caller's account and
 * region and the position; a token from another list or account, or an altered one, is refused from its bytes alone.
 * Thread-safe.
 */
public final class NextTokens {
    private static final String INVALID =
            "The nextToken is not valid for this request: it is malformed, altered, or was issued for another list "
                    + "or account";

    private final Seal seal;

    /** Tokens sealed with {@code secret} (at least 32 bytes); give every node the same one. */
    public NextTokens(byte[] secret) {
        this.seal = new Seal(secret, "token", INVALID);
    }

    /** The page size of a request: the default when absent, else within MaxResults' range (1..250). */
    public static int maxResults(Integer requested) {
        return PageSize.of(Members.ListThings.MAX_RESULTS, requested);
    }

    /** The token that resumes {@code list} for {@code scope} after {@code position}. */
    public String encode(Scope scope, String list, String position) {
        return seal.seal(position.getBytes(StandardCharsets.UTF_8), "nextToken", list, scope.account(),
                scope.region());
    }

    /** The position {@code token} names, empty for a null token; InvalidRequestException for a foreign token. */
    public Optional<String> decode(Scope scope, String list, String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] position = seal.open(token, 1, Integer.MAX_VALUE, "nextToken", list, scope.account(), scope.region());
        return Optional.of(new String(position, StandardCharsets.UTF_8));
    }

    /** The token of the page after {@code page}, whose last item's position is {@code lastPosition}, if any. */
    public <T> Optional<String> next(Scope scope, String list, Page<T> page, Function<T, String> lastPosition) {
        if (!page.hasMore() || page.items().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(encode(scope, list, lastPosition.apply(page.items().get(page.items().size() - 1))));
    }
}
