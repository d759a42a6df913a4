package dev.certreg.core;

import dev.certreg.protocol.Members;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code nextToken} of the registry lists (ListThings, ListThingPrincipals, ListPrincipalThings,
 * ListTagsForResource): a position that is a name (a thing name, a certificate id, a tag key), sealed like
 * {@link MarkerCodec}'s markers. A token is standard base64 of {@code version | position (UTF-8) | tag}, the tag a
 * truncated HMAC-SHA256 over the version, the list it belongs to (operation and filter), the caller's account and
 * region and the position; a token from another list or account, or an altered one, is refused from its bytes alone.
 * Thread-safe.
 */
public final class NextTokens {
    /** The page size when a request gives none. */
    public static final int DEFAULT_MAX_RESULTS = 25;
    /** The largest page size the model allows (RegistryMaxResults, in {@code protocol}'s member table). */
    public static final int MAX_RESULTS = (int) Members.ListThings.MAX_RESULTS.max();

    private static final byte VERSION = 1;
    private static final int TAG_BYTES = 16;
    private static final String INVALID =
            "The nextToken is not valid for this request: it is malformed, altered, or was issued for another list "
                    + "or account";

    private final SecretKeySpec key;

    /** Tokens sealed with {@code secret} (at least 32 bytes); give every node the same one. */
    public NextTokens(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the token secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The page size of a request: the default when absent, else checked against 1..250. */
    public static int maxResults(Integer requested) {
        int size = requested == null ? DEFAULT_MAX_RESULTS : requested;
        if (size < 1 || size > MAX_RESULTS) {
            throw ServiceException.invalidRequest("maxResults must be between 1 and " + MAX_RESULTS + ", got " + size);
        }
        return size;
    }

    /** The token that resumes {@code list} for {@code scope} after {@code position}. */
    public String encode(Scope scope, String list, String position) {
        byte[] bytes = position.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(1 + bytes.length + TAG_BYTES);
        buffer.put(VERSION).put(bytes);
        buffer.put(tag(scope, list, Arrays.copyOf(buffer.array(), 1 + bytes.length)));
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    /** The position {@code token} names, empty for a null token; InvalidRequestException for a foreign token. */
    public Optional<String> decode(Scope scope, String list, String token) {
        if (token == null) {
            return Optional.empty();
        }
        byte[] bytes = decodeBase64(token);
        if (bytes.length <= 1 + TAG_BYTES || bytes[0] != VERSION) {
            throw ServiceException.invalidRequest(INVALID);
        }
        byte[] position = Arrays.copyOf(bytes, bytes.length - TAG_BYTES);
        byte[] tag = Arrays.copyOfRange(bytes, bytes.length - TAG_BYTES, bytes.length);
        if (!MessageDigest.isEqual(tag, tag(scope, list, position))) {
            throw ServiceException.invalidRequest(INVALID);
        }
        return Optional.of(new String(position, 1, position.length - 1, StandardCharsets.UTF_8));
    }

    /** The token of the page after {@code page}, whose last item's position is {@code lastPosition}, if any. */
    public <T> Optional<String> next(Scope scope, String list, Page<T> page, Function<T, String> lastPosition) {
        if (!page.hasMore() || page.items().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(encode(scope, list, lastPosition.apply(page.items().get(page.items().size() - 1))));
    }

    private static byte[] decodeBase64(String token) {
        try {
            return Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidRequest(INVALID);
        }
    }

    private byte[] tag(Scope scope, String list, byte[] position) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String binding = String.join("\n", "nextToken", list, scope.account(), scope.region(), "");
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(position), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
