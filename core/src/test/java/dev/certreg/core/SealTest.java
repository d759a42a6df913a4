package dev.certreg.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.protocol.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The envelope the three kinds of list positions share, and the positions issued before they shared it. */
class SealTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final byte[] SECRET = new byte[32];

    static {
        for (int i = 0; i < SECRET.length; i++) {
            SECRET[i] = (byte) i;
        }
    }

    private final Seal seal = new Seal(SECRET, "test", "not valid");

    @Test
    void aPayloadOpensOnlyForItsBinding() {
        String token = seal.seal("position".getBytes(StandardCharsets.UTF_8), "list", "account");
        assertThat(new String(seal.open(token, 1, 100, "list", "account"), StandardCharsets.UTF_8))
                .isEqualTo("position");
        assertRefused(() -> seal.open(token, 1, 100, "list", "other account"));
        assertRefused(() -> new Seal(new byte[32], "test", "not valid").open(token, 1, 100, "list", "account"));
    }

    @Test
    void anAlteredTruncatedOrOutOfBoundsTokenDoesNotOpen() {
        byte[] bytes = Base64.getDecoder().decode(seal.seal(new byte[] {1, 2, 3}, "list"));
        for (int i = 0; i < bytes.length; i++) {
            byte[] altered = bytes.clone();
            altered[i] ^= 1;
            assertRefused(() -> seal.open(Base64.getEncoder().encodeToString(altered), 0, 100, "list"));
        }
        String token = Base64.getEncoder().encodeToString(bytes);
        assertRefused(() -> seal.open(token.substring(0, 8), 0, 100, "list"));
        assertRefused(() -> seal.open(token, 4, 100, "list"));
        assertRefused(() -> seal.open(token, 0, 2, "list"));
        assertRefused(() -> seal.open("%%%", 0, 100, "list"));
        assertThat(seal.open(token, 3, 3, "list")).containsExactly(1, 2, 3);
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new Seal(new byte[31], "marker", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the marker secret must have at least 32 bytes");
    }

    /** Markers and tokens a running server handed out before the three codecs shared one seal: they still open. */
    @Test
    void positionsIssuedBeforeTheCodecsSharedTheirSealStillOpen() {
        ListBinding binding = new ListBinding(ListKind.CERTIFICATES, "f", true);
        String marker = "AQAAAAAAEtaHq6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6ubfJ2IHE7+1AtV/KEgcUn3";
        PageKey key = new PageKey(1234567, "ab".repeat(32));
        assertThat(new MarkerCodec(SECRET).encode(SCOPE, binding, key)).isEqualTo(marker);
        assertThat(new MarkerCodec(SECRET).decode(SCOPE, binding, marker)).isEqualTo(key);

        String token = "AXRoaW5nLTEnLunqtglaKPJ3nKFwt14F";
        assertThat(new NextTokens(SECRET).encode(SCOPE, "ListThings", "thing-1")).isEqualTo(token);
        assertThat(new NextTokens(SECRET).decode(SCOPE, "ListThings", token)).contains("thing-1");

        NamedMarkers named = new NamedMarkers(SECRET);
        String policyMarker = "AQAAAAAAAABjcG9saWN5IxDrPgnSaAzknJeoXxzHjg==";
        assertThat(named.result(SCOPE, "ListPolicies", new NamedPageRequest(1, true, Optional.empty()),
                new Page<>(List.of(new NamedPosition(99, "policy")), true)).nextMarker()).contains(policyMarker);
        assertThat(named.request(SCOPE, "ListPolicies", new ListQuery(1, policyMarker, true)).after())
                .contains(new NamedPosition(99, "policy"));
    }

    private static void assertRefused(Runnable open) {
        assertThatThrownBy(open::run).isInstanceOf(ServiceException.class).hasMessage("not valid")
                .extracting(e -> ((ServiceException) e).errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST);
    }
}
