package dev.certreg.cli.logging;

import javax.net.ssl.SSLException;
import org.slf4j.event.Level;

/**
 * Moquette's lines about device connections that the device endpoint logs better itself, with the certificate id and
 * the address. Moquette logs every exception that reaches the end of a connection's pipeline at ERROR, with its stack trace: a
 * device refused in the TLS handshake, a just-in-time registration closing its connection and a client speaking
 * garbage to the TLS port each made a screen of stack trace. The device endpoint logs the TLS failures it sees itself,
 * in one line with the certificate id and the reason, so Moquette's copy of those is dropped. Bytes that are no TLS at
 * all (plain MQTT on the TLS port) are refused by netty before the endpoint sees them: Moquette's line for those stays,
 * as one WARN line without the stack trace. An exception not caused by TLS is logged as Moquette logs it. Moquette's
 * WARN for an MQTT 5 CONNECT ("MQTT protocol version is not valid", without address or certificate) is dropped too:
 * the endpoint logs that refusal.
 */
final class BrokerLines {
    static final String MOQUETTE_HANDLER = "io.moquette.broker.NewNettyMQTTHandler";
    static final String MOQUETTE_CONNECTION = "io.moquette.broker.MQTTConnection";
    /** The only level the broker's own check sees refused: netty's decoder knows 3, 4 and 5, the broker 3 and 4. */
    private static final String PROTOCOL_REFUSED = "MQTT protocol version is not valid";
    private static final String NOT_TLS = "io.netty.handler.ssl.NotSslRecordException";
    /** Deeper than netty wraps a TLS failure (DecoderException, SSLHandshakeException, CertificateException). */
    private static final int MAX_DEPTH = 8;
    /** Netty puts a hex dump of the client's bytes in the message; the start says enough. */
    private static final int MAX_DETAIL = 80;

    private BrokerLines() {}

    /** The line to write for {@code line}, or null when the device endpoint has logged it already. */
    static LogLine quieted(LogLine line) {
        if (line.logger().equals(MOQUETTE_CONNECTION) && line.message().startsWith(PROTOCOL_REFUSED)) {
            return null;
        }
        if (!line.logger().equals(MOQUETTE_HANDLER)) {
            return line;
        }
        SSLException tls = tlsCause(line.thrown());
        if (tls == null) {
            return line;
        }
        if (!tls.getClass().getName().equals(NOT_TLS)) {
            return null;
        }
        String detail = String.valueOf(tls.getMessage());
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
        return new LogLine(line.time(), Level.WARN, line.logger(), line.thread(),
                "connection closed: the client does not speak TLS (" + detail + ")", line.pairs(), null);
    }

    private static SSLException tlsCause(Throwable thrown) {
        Throwable cause = thrown;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
            if (cause instanceof SSLException tls) {
                return tls;
            }
            cause = cause.getCause();
        }
        return null;
    }
}
