package dev.certreg.core.x509;

import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * The Distinguished Encoding Rules check: an encoding is DER when it is one ASN.1 value, with nothing after it, that
 * re-encodes to the very same bytes. BER leaves a value many encodings (long-form or indefinite lengths, explicit
 * defaults, unsorted sets); DER leaves exactly one, so the SHA-256 of the bytes names the certificate and not one of
 * its spellings. Thread-safe.
 */
final class Der {
    private Der() {}

    static boolean isDer(byte[] encoding) {
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(encoding);
            return Arrays.equals(value.getEncoded(ASN1Encoding.DER), encoding);
        } catch (IOException | RuntimeException malformed) {
            return false;
        }
    }
}
