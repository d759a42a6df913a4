package dev.certreg.core;

import java.nio.ByteBuffer;
import java.util.HexFormat;

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
    private static final int ID_BYTES = 32;
    private static final int POSITION_BYTES = Long.BYTES + ID_BYTES;
    /** The message for a marker that does not open, shared with {@link NamedMarkers}. */
    static final String INVALID =
            "The marker is not valid for this request: it is malformed, altered, or was issued for another list, "
                    + "order or account";

    private final Seal seal;

    /** A codec whose markers are sealed with {@code secret} (at least 32 bytes). */
    public MarkerCodec(byte[] secret) {
        this.seal = new Seal(secret, "marker", INVALID);
    }

    /** The marker that resumes {@code list} for {@code scope} after {@code position}. */
    public String encode(Scope scope, ListBinding list, PageKey position) {
        ByteBuffer buffer = ByteBuffer.allocate(POSITION_BYTES);
        buffer.putLong(position.createdMillis()).put(HexFormat.of().parseHex(position.certificateId()));
        return seal.seal(buffer.array(), binding(scope, list));
    }

    /** The position a marker names, or InvalidRequestException if it was not issued for this list and scope. */
    public PageKey decode(Scope scope, ListBinding list, String marker) {
        ByteBuffer buffer = ByteBuffer.wrap(seal.open(marker, POSITION_BYTES, POSITION_BYTES, binding(scope, list)));
        long createdMillis = buffer.getLong();
        byte[] id = new byte[ID_BYTES];
        buffer.get(id);
        return new PageKey(createdMillis, HexFormat.of().formatHex(id));
    }

    private static String[] binding(Scope scope, ListBinding list) {
        return new String[] {list.kind().name(), list.filter(), Boolean.toString(list.ascending()), scope.account(),
            scope.region()};
    }
}
