package dev.certreg.core.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/** RSA-2048 key pairs and their PEM forms as AWS IoT returns them. Thread-safe. */
public final class RsaKeys {
    private static final int BITS = 2048;

    private RsaKeys() {}

    /** A fresh RSA-2048 key pair. */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is missing from this JDK", e);
        }
    }

    /** The public key as SPKI PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    public static String publicKeyPem(PublicKey key) {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }

    /** The private key as PKCS#1 PEM ({@code -----BEGIN RSA PRIVATE KEY-----}), as AWS IoT returns it. */
    public static String privateKeyPem(PrivateKey key) {
        try {
            byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive()
                    .getEncoded();
            return Pem.encode("RSA PRIVATE KEY", pkcs1);
        } catch (IOException e) {
            throw new UncheckedIOException("An RSA private key could not be encoded", e);
        }
    }
}
