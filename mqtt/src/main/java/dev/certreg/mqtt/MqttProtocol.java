package dev.certreg.mqtt;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The two places where the device endpoint reads MQTT bytes itself: the protocol level of a CONNECT, and the CONNACK
 * the broker sends an MQTT 5 client. Moquette 0.17 speaks MQTT 3.1 and 3.1.1 only. It refuses an MQTT 5 CONNECT with
 * the 3.1.1 return code 0x01, which netty writes into an MQTT 5 CONNACK where 0x01 means nothing: mosquitto reports
 * "Granted QoS 1". MQTT 5.0, section 3.1.4, names the answer: CONNACK with reason code 0x84 (Unsupported Protocol
 * Version), then close. Stateless.
 */
final class MqttProtocol {
    /** The protocol level byte of MQTT 5.0 (section 3.1.2.2). */
    static final int MQTT_5 = 5;
    private static final int CONNECT = 0x10;
    private static final int MAX_LENGTH_BYTES = 4;
    /** The MQTT 5 CONNACK netty writes for return code 0x01: no flags, reason 0x01, no properties. */
    private static final byte[] CONNACK_0X01 = {0x20, 0x03, 0x00, 0x01, 0x00};
    private static final byte UNSUPPORTED_PROTOCOL_VERSION = (byte) 0x84;

    private MqttProtocol() {}

    /** The protocol level of the CONNECT that starts {@code bytes}, or -1 if they start no CONNECT this can read. */
    static int connectProtocolLevel(byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xF0) != CONNECT) {
            return -1;
        }
        int i = 1;
        while (i < bytes.length && i < MAX_LENGTH_BYTES && (bytes[i] & 0x80) != 0) {
            i++;
        }
        i++;
        if (i + 2 > bytes.length) {
            return -1;
        }
        int level = i + 2 + (((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF));
        return level < bytes.length ? bytes[level] & 0xFF : -1;
    }

    /**
     * The CONNACK with reason code 0x84 if {@code srcs} hold exactly the broker's refusal of an MQTT 5 CONNECT, else
     * null. The buffers are left as they are.
     */
    static ByteBuffer unsupportedVersionConnack(ByteBuffer[] srcs, int offset, int length) {
        byte[] pending = new byte[CONNACK_0X01.length];
        int n = 0;
        for (int k = offset; k < offset + length; k++) {
            ByteBuffer src = srcs[k].duplicate();
            while (src.hasRemaining()) {
                if (n == pending.length) {
                    return null;
                }
                pending[n++] = src.get();
            }
        }
        if (n != pending.length || !Arrays.equals(pending, CONNACK_0X01)) {
            return null;
        }
        pending[3] = UNSUPPORTED_PROTOCOL_VERSION;
        return ByteBuffer.wrap(pending);
    }

    /** Marks {@code consumed} bytes of {@code srcs} as read, first buffers first. */
    static void skip(ByteBuffer[] srcs, int offset, int length, int consumed) {
        int left = consumed;
        for (int k = offset; k < offset + length && left > 0; k++) {
            int step = Math.min(left, srcs[k].remaining());
            srcs[k].position(srcs[k].position() + step);
            left -= step;
        }
    }
}
