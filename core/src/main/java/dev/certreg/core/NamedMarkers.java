package dev.certreg.core;

import dev.certreg.protocol.Members;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The markers of the policy lists (ListPolicies, ListTargetsForPolicy, ListAttachedPolicies and the legacy
 * ListPrincipalPolicies and ListPolicyPrincipals) and the page size rules they share with the certificate lists. A
 * marker is standard base64 of {@code version | millis | name (UTF-8) | tag}, the tag a truncated HMAC-SHA256 over the
 * version, the list (operation, filter, order), the caller's account and region and the position, as
 * {@link MarkerCodec}'s: a marker of another list, order or account, or an altered one, is refused from its bytes
 * alone. Thread-safe.
 */
public final class NamedMarkers {
    private final Seal seal;

    /** Markers sealed with {@code secret} (at least 32 bytes); give every node the same one. */
    public NamedMarkers(byte[] secret) {
        this.seal = new Seal(secret, "marker", MarkerCodec.INVALID);
    }

    /** The page request of {@code query} on {@code list}, checking its page size and marker. */
    public NamedPageRequest request(Scope scope, String list, ListQuery query) {
        int pageSize = PageSize.of(Members.ListPolicies.PAGE_SIZE, query.pageSize());
        Optional<NamedPosition> after = query.marker() == null
                ? Optional.empty()
                : Optional.of(decode(scope, binding(list, query.ascending()), query.marker()));
        return new NamedPageRequest(pageSize, query.ascending(), after);
    }

    /** The page's names and, unless it is the last page, the marker of the next. */
    public NamedList result(Scope scope, String list, NamedPageRequest request, Page<NamedPosition> page) {
        Optional<String> next = page.hasMore() && !page.items().isEmpty()
                ? Optional.of(encode(scope, binding(list, request.ascending()),
                        page.items().get(page.items().size() - 1)))
                : Optional.empty();
        return new NamedList(page.items().stream().map(NamedPosition::name).toList(), next);
    }

    private static String binding(String list, boolean ascending) {
        return list + "\n" + ascending;
    }

    private String encode(Scope scope, String binding, NamedPosition position) {
        byte[] name = position.name().getBytes(StandardCharsets.UTF_8);
        ByteBuffer payload = ByteBuffer.allocate(Long.BYTES + name.length).putLong(position.millis()).put(name);
        return seal.seal(payload.array(), "named", binding, scope.account(), scope.region());
    }

    private NamedPosition decode(Scope scope, String binding, String marker) {
        byte[] payload = seal.open(marker, Long.BYTES + 1, Integer.MAX_VALUE, "named", binding, scope.account(),
                scope.region());
        long millis = ByteBuffer.wrap(payload, 0, Long.BYTES).getLong();
        return new NamedPosition(millis,
                new String(payload, Long.BYTES, payload.length - Long.BYTES, StandardCharsets.UTF_8));
    }
}
