package dev.certreg.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The envelope of every opaque list position (markers and next tokens): standard base64 of
 * {@code version | payload | tag}, the tag the first 16 bytes of an HMAC-SHA256 over the binding (which list,
 * order and caller the position belongs to, one line each) and then the version and payload. A token of another
 * binding or version, or an altered one, does not open, so it is refused from its bytes alone. Thread-safe.
 */
final class Seal {
    private static final byte VERSION = 1;
    private static final int TAG_BYTES = 16;

    private final SecretKeySpec key;
    private final String invalid;

    /**
     * A seal keyed with {@code secret} (at least 32 bytes; give every node the same one).
     *
     * @param what what the tokens are called, for the secret's error message
     * @param invalid the message of the InvalidRequestException for a token that does not open
     */
    Seal(byte[] secret, String what, String invalid) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the " + what + " secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.invalid = invalid;
    }

    /** The token of {@code payload} for {@code binding}. */
    String seal(byte[] payload, String... binding) {
        ByteBuffer buffer = ByteBuffer.allocate(1 + payload.length + TAG_BYTES);
        buffer.put(VERSION).put(payload);
        buffer.put(tag(Arrays.copyOf(buffer.array(), 1 + payload.length), binding));
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    /**
     * The payload of {@code token}, which must have been sealed for {@code binding} and carry a payload of
     * {@code minPayload} to {@code maxPayload} bytes; InvalidRequestException otherwise.
     */
    byte[] open(String token, int minPayload, int maxPayload, String... binding) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidRequest(invalid);
        }
        int payload = bytes.length - 1 - TAG_BYTES;
        if (payload < minPayload || payload > maxPayload || bytes[0] != VERSION) {
            throw ServiceException.invalidRequest(invalid);
        }
        byte[] signed = Arrays.copyOf(bytes, 1 + payload);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(bytes, 1 + payload, bytes.length), tag(signed, binding))) {
            throw ServiceException.invalidRequest(invalid);
        }
        return Arrays.copyOfRange(signed, 1, signed.length);
    }

    private byte[] tag(byte[] signed, String... binding) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update((String.join("\n", binding) + "\n").getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(mac.doFinal(signed), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
