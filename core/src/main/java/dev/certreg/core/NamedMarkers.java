package dev.certreg.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The markers of the policy lists (ListPolicies, ListTargetsForPolicy, ListAttachedPolicies and the legacy
 * ListPrincipalPolicies and ListPolicyPrincipals) and the page size rules they share with the certificate lists. A
 * marker is standard base64 of {@code version | millis | name (UTF-8) | tag}, the tag a truncated HMAC-SHA256 over the
 * version, the list (operation, filter, order), the caller's account and region and the position, as
 * {@link MarkerCodec}'s: a marker of another list, order or account, or an altered one, is refused from its bytes
 * alone. Thread-safe.
 */
public final class NamedMarkers {
    private static final byte VERSION = 1;
    private static final int TAG_BYTES = 16;
    private static final int HEADER_BYTES = 1 + Long.BYTES;
    private static final String INVALID =
            "The marker is not valid for this request: it is malformed, altered, or was issued for another list, "
                    + "order or account";

    private final SecretKeySpec key;

    /** Markers sealed with {@code secret} (at least 32 bytes); give every node the same one. */
    public NamedMarkers(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the marker secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The page request of {@code query} on {@code list}, checking its page size and marker. */
    public NamedPageRequest request(Scope scope, String list, ListQuery query) {
        int pageSize = CertificateLists.pageSize(query);
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
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + name.length + TAG_BYTES);
        buffer.put(VERSION).putLong(position.millis()).put(name);
        buffer.put(tag(scope, binding, Arrays.copyOf(buffer.array(), HEADER_BYTES + name.length)));
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    private NamedPosition decode(Scope scope, String binding, String marker) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(marker);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidRequest(INVALID);
        }
        if (bytes.length <= HEADER_BYTES + TAG_BYTES || bytes[0] != VERSION) {
            throw ServiceException.invalidRequest(INVALID);
        }
        byte[] position = Arrays.copyOf(bytes, bytes.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(bytes, bytes.length - TAG_BYTES, bytes.length);
        if (!MessageDigest.isEqual(tag, tag(scope, binding, position))) {
            throw ServiceException.invalidRequest(INVALID);
        }
        long millis = ByteBuffer.wrap(position, 1, Long.BYTES).getLong();
        return new NamedPosition(millis, new String(position, HEADER_BYTES, position.length - HEADER_BYTES,
                StandardCharsets.UTF_8));
    }

    private byte[] tag(Scope scope, String binding, byte[] position) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String bound = String.join("\n", "named", binding, scope.account(), scope.region(), "");
            mac.update(bound.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(position), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
