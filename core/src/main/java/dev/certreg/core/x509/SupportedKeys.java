package dev.certreg.core.x509;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The keys the registry accepts: RSA of 2048 to 4096 bits with an odd public exponent of at least 3 and at most 256
 * bits, or EC on the named curve P-256, P-384 or P-521.
 *
 * <p>AWS IoT documents the lower bounds (CreateCertificateFromCsr: "an RSA key with a length of at least 2048 bits
 * or an ECC key from NIST P-256, NIST P-384, or NIST P-521 curves") but no upper one. Verifying a signature costs
 * time in proportion to the modulus and the exponent, and neither needs a private key to choose, so certreg caps
 * them: 4096 bits is the largest RSA key AWS Private CA issues, and 256 bits is the exponent bound of FIPS 186-4
 * section B.3.1. Thread-safe.
 */
final class SupportedKeys {
    static final int MIN_RSA_BITS = 2048;
    static final int MAX_RSA_BITS = 4096;
    private static final int MAX_EXPONENT_BITS = 256;
    private static final Set<ASN1ObjectIdentifier> CURVES =
            Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);

    private SupportedKeys() {}

    static boolean isSupported(SubjectPublicKeyInfo info) {
        try {
            ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
            if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                return isSupported(RSAPublicKey.getInstance(info.parsePublicKey()));
            }
            return algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)
                    && CURVES.contains(info.getAlgorithm().getParameters());
        } catch (IOException | RuntimeException malformed) {
            return false;
        }
    }

    private static boolean isSupported(RSAPublicKey key) {
        int bits = key.getModulus().bitLength();
        BigInteger exponent = key.getPublicExponent();
        return bits >= MIN_RSA_BITS && bits <= MAX_RSA_BITS && exponent.testBit(0)
                && exponent.compareTo(BigInteger.valueOf(3)) >= 0 && exponent.bitLength() <= MAX_EXPONENT_BITS;
    }
}
