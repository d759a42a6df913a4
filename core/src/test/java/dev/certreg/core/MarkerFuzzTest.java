package dev.certreg.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Markers and next tokens as clients send them back: any text decodes to a position or is refused with
 * InvalidRequestException, never another exception. docs/reliability.md says how to fuzz.
 */
@Timeout(10)
class MarkerFuzzTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final ListBinding BY_CA = new ListBinding(ListKind.CERTIFICATES_BY_CA, "a".repeat(64), false);
    private static final byte[] SECRET = new byte[32];

    private final MarkerCodec markers = new MarkerCodec(SECRET);
    private final NextTokens nextTokens = new NextTokens(SECRET);

    @FuzzTest(maxDuration = "30m")
    void marker(byte[] input) {
        String marker = new String(input, StandardCharsets.UTF_8);
        try {
            PageKey position = markers.decode(SCOPE, BY_CA, marker);
            assertThat(markers.encode(SCOPE, BY_CA, position)).isEqualTo(marker);
        } catch (ServiceException refused) {
            assertThat(refused.errorCode().httpStatus()).isEqualTo(400);
        }
        try {
            assertThat(nextTokens.decode(SCOPE, "ListThings", marker)).isPresent();
        } catch (ServiceException refused) {
            assertThat(refused.errorCode().httpStatus()).isEqualTo(400);
        }
    }
}
