package dev.certreg.core.x509;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a certificate's TBSCertificate, the part its issuer signed (RFC 5280 section 4.1.1.1).
 *
 * <p>A certificate's id is the SHA-256 of its whole DER, signature included, and strict DER leaves every signed part
 * one spelling. The signature does not: an ECDSA signature (r, s) has a twin (r, n − s) that verifies just as well,
 * so anyone who holds a certificate can write it out a second way, with a second id, without any key. Both spellings
 * share this digest, and the store keeps it unique where it keeps ids unique, so that one certificate has one id and
 * a revoked certificate cannot come back under another. Thread-safe.
 */
public final class SignedPart {
    private static final byte SEQUENCE = 0x30;

    private SignedPart() {}

    /**
     * The lowercase hex SHA-256 of the TBSCertificate of {@code pem}, a certificate that {@link X509Codec} accepted.
     *
     * @throws IllegalArgumentException if {@code pem} is not one PEM certificate whose DER starts as X.509's does
     */
    public static String sha256Hex(String pem) {
        byte[] der = Pem.decodeSingle(pem, List.of("CERTIFICATE"), "The certificate", IllegalArgumentException::new);
        return sha256Hex(der, tbsStart(der));
    }

    /** Where the TBSCertificate starts, after the header of the Certificate SEQUENCE. */
    private static int tbsStart(byte[] der) {
        if (der.length < 2 || der[0] != SEQUENCE) {
            throw new IllegalArgumentException("Not a DER certificate");
        }
        return contentStart(der, 0);
    }

    private static String sha256Hex(byte[] der, int tbs) {
        if (tbs >= der.length || der[tbs] != SEQUENCE) {
            throw new IllegalArgumentException("Not a DER certificate");
        }
        int end = contentStart(der, tbs) + contentLength(der, tbs);
        if (end > der.length) {
            throw new IllegalArgumentException("Not a DER certificate");
        }
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(der, tbs, end - tbs);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Where the contents of the value whose tag is at {@code tag} start. */
    private static int contentStart(byte[] der, int tag) {
        int first = lengthByte(der, tag + 1);
        return first < 0x80 ? tag + 2 : tag + 2 + (first & 0x7f);
    }

    /** The length of the value whose tag is at {@code tag}, in DER's definite form. */
    private static int contentLength(byte[] der, int tag) {
        int first = lengthByte(der, tag + 1);
        if (first < 0x80) {
            return first;
        }
        int octets = first & 0x7f;
        if (octets == 0 || octets > 3) {
            throw new IllegalArgumentException("Not a DER certificate");
        }
        int length = 0;
        for (int i = 0; i < octets; i++) {
            length = (length << 8) | lengthByte(der, tag + 2 + i);
        }
        return length;
    }

    private static int lengthByte(byte[] der, int at) {
        if (at >= der.length) {
            throw new IllegalArgumentException("Not a DER certificate");
        }
        return der[at] & 0xff;
    }
}
