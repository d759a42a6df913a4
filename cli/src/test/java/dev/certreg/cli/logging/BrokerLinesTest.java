package dev.certreg.cli.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class BrokerLinesTest {
    private static final String MESSAGE = "Unexpected exception while processing MQTT message. Closing Netty channel.";

    @Test
    void moquettesCopyOfARefusedHandshakeIsDropped() {
        SSLHandshakeException refused = new SSLHandshakeException("certificate is REVOKED");
        refused.initCause(new CertificateException("certificate is REVOKED"));
        assertThat(BrokerLines.quieted(moquette(new DecoderException(refused)))).isNull();
    }

    @Test
    void bytesThatAreNoTlsAtAllBecomeOneWarnLineWithoutStackTrace() {
        LogLine line = BrokerLines.quieted(moquette(new DecoderException(
                new NotSslRecordException("not an SSL/TLS record: " + "10".repeat(500)))));
        assertThat(line.level()).isEqualTo(Level.WARN);
        assertThat(line.thrown()).isNull();
        assertThat(line.text()).contains("the client does not speak TLS (not an SSL/TLS record: 1010")
                .doesNotContain("\n").hasSizeLessThan(300);
    }

    @Test
    void moquettesLineForAnMqtt5ConnectIsDropped() {
        LogLine refused = new LogLine(Instant.EPOCH, Level.WARN, BrokerLines.MOQUETTE_CONNECTION, "t",
                "MQTT protocol version is not valid. CId: sensor-1", List.of(), null);
        assertThat(BrokerLines.quieted(refused)).isNull();
    }

    @Test
    void anyOtherExceptionAndAnyOtherLoggerAreLoggedAsTheyCome() {
        LogLine bug = moquette(new IllegalStateException("a bug"));
        assertThat(BrokerLines.quieted(bug)).isSameAs(bug);
        LogLine other = new LogLine(Instant.EPOCH, Level.ERROR, "io.netty.Other", "t", MESSAGE, List.of(),
                new DecoderException(new SSLHandshakeException("x")));
        assertThat(BrokerLines.quieted(other)).isSameAs(other);
    }

    private static LogLine moquette(Throwable thrown) {
        return new LogLine(Instant.EPOCH, Level.ERROR, BrokerLines.MOQUETTE_HANDLER, "nioEventLoopGroup-3-1",
                MESSAGE, List.of(), thrown);
    }
}
