package dev.certreg.core.x509;

import java.io.IOException;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** The keys AWS IoT accepts: RSA of 2048 bits or more, or EC on the named curve P-256, P-384 or P-521. */
final class SupportedKeys {
    private static final Set<ASN1ObjectIdentifier> CURVES =
            Set.of(SECObjectIdentifiers.secp256r1, SECObjectIdentifiers.secp384r1, SECObjectIdentifiers.secp521r1);

    private SupportedKeys() {}

    static boolean isSupported(SubjectPublicKeyInfo info) {
        try {
            ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
            if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                return RSAPublicKey.getInstance(info.parsePublicKey()).getModulus().bitLength() >= 2048;
            }
            return algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)
                    && CURVES.contains(info.getAlgorithm().getParameters());
        } catch (IOException | RuntimeException malformed) {
            return false;
        }
    }
}
