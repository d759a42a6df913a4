package dev.certreg.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes a list position as an opaque marker and checks markers that come back.
 *
 * <p>A marker is standard base64 of {@code version | createdMillis | certificateId (32 bytes) | tag}, where the tag
 * is a truncated HMAC-SHA256 over the version, the list it belongs to (kind, filter, order), the caller's account
 * and region, and the position. A marker from another list, order or account, an altered one or one of another
 * version is recognised from its bytes alone, without touching the store. Every node that shares the secret accepts
 * every other node's markers. Thread-safe.
 */
public final class MarkerCodec {
    private static final byte VERSION = 1;
    private static final int ID_BYTES = 32;
    private static final int TAG_BYTES = 16;
    private static final int POSITION_BYTES = 1 + Long.BYTES + ID_BYTES;
    private static final String INVALID =
            "The marker is not valid for this request: it is malformed, altered, or was issued for another list, "
                    + "order or account";

    private final SecretKeySpec key;

    /** A codec whose markers are sealed with {@code secret} (at least 32 bytes). */
    public MarkerCodec(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the marker secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** The marker that resumes {@code list} for {@code scope} after {@code position}. */
    public String encode(Scope scope, ListBinding list, PageKey position) {
        ByteBuffer buffer = ByteBuffer.allocate(POSITION_BYTES + TAG_BYTES);
        buffer.put(VERSION).putLong(position.createdMillis()).put(HexFormat.of().parseHex(position.certificateId()));
        buffer.put(tag(scope, list, Arrays.copyOf(buffer.array(), POSITION_BYTES)));
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    /** The position a marker names, or InvalidRequestException if it was not issued for this list and scope. */
    public PageKey decode(Scope scope, ListBinding list, String marker) {
        byte[] bytes = decodeBase64(marker);
        if (bytes.length != POSITION_BYTES + TAG_BYTES || bytes[0] != VERSION) {
            throw ServiceException.invalidRequest(INVALID);
        }
        byte[] position = Arrays.copyOf(bytes, POSITION_BYTES);
        byte[] tag = Arrays.copyOfRange(bytes, POSITION_BYTES, bytes.length);
        if (!MessageDigest.isEqual(tag, tag(scope, list, position))) {
            throw ServiceException.invalidRequest(INVALID);
        }
        ByteBuffer buffer = ByteBuffer.wrap(position, 1, POSITION_BYTES - 1);
        long createdMillis = buffer.getLong();
        byte[] id = new byte[ID_BYTES];
        buffer.get(id);
        return new PageKey(createdMillis, HexFormat.of().formatHex(id));
    }

    private static byte[] decodeBase64(String marker) {
        try {
            return Base64.getDecoder().decode(marker);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidRequest(INVALID);
        }
    }

    private byte[] tag(Scope scope, ListBinding list, byte[] position) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String binding = String.join("\n", list.kind().name(), list.filter(), Boolean.toString(list.ascending()),
                    scope.account(), scope.region(), "");
            mac.update(binding.getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(position), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
