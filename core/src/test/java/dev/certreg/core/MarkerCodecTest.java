package dev.certreg.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.protocol.ErrorCode;
import dev.certreg.protocol.Members;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerCodecTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final ListBinding BY_CA = new ListBinding(ListKind.CERTIFICATES_BY_CA, "a".repeat(64), false);
    private static final PageKey POSITION = new PageKey(1_795_654_615_405L, "0f".repeat(32));

    private final MarkerCodec codec = new MarkerCodec(new byte[32]);

    @Test
    void aMarkerIsShortStandardBase64AndDecodesToItsPosition() {
        String marker = codec.encode(SCOPE, BY_CA, POSITION);
        assertThat(marker).matches(Members.MARKER_PATTERN).hasSizeLessThanOrEqualTo(1024);
        assertThat(codec.decode(SCOPE, BY_CA, marker)).isEqualTo(POSITION);
    }

    @Test
    void aMarkerIsBoundToItsListFilterOrderAccountAndRegion() {
        String marker = codec.encode(SCOPE, BY_CA, POSITION);
        List<Runnable> misuses = List.of(
                () -> codec.decode(SCOPE, new ListBinding(ListKind.CERTIFICATES, "a".repeat(64), false), marker),
                () -> codec.decode(SCOPE, new ListBinding(ListKind.CERTIFICATES_BY_CA, "b".repeat(64), false), marker),
                () -> codec.decode(SCOPE, new ListBinding(ListKind.CERTIFICATES_BY_CA, "a".repeat(64), true), marker),
                () -> codec.decode(new Scope("210987654321", "us-east-1"), BY_CA, marker),
                () -> codec.decode(new Scope("123456789012", "eu-west-1"), BY_CA, marker),
                () -> new MarkerCodec(otherSecret()).decode(SCOPE, BY_CA, marker));
        for (Runnable misuse : misuses) {
            assertThatThrownBy(misuse::run).isInstanceOfSatisfying(ServiceException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_REQUEST));
        }
    }

    @Test
    void alteredTruncatedOrForeignBytesAreInvalidRequests() {
        byte[] bytes = Base64.getDecoder().decode(codec.encode(SCOPE, BY_CA, POSITION));
        bytes[5] ^= 1;
        byte[] otherVersion = Base64.getDecoder().decode(codec.encode(SCOPE, BY_CA, POSITION));
        otherVersion[0] = 2;
        for (String marker : List.of(Base64.getEncoder().encodeToString(bytes),
                Base64.getEncoder().encodeToString(otherVersion), "Zm9vYmFy", "@@@", "")) {
            assertThatThrownBy(() -> codec.decode(SCOPE, BY_CA, marker)).isInstanceOf(ServiceException.class)
                    .hasMessageContaining("marker is not valid");
        }
    }

    private static byte[] otherSecret() {
        byte[] secret = new byte[32];
        secret[31] = 1;
        return secret;
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new MarkerCodec(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
