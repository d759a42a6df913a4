package dev.certreg.core.x509;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.function.Supplier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * An issuing CA's public key, prepared once to check the signatures of many certificates.
 *
 * <p>For an EC key this keeps BouncyCastle's point: the multiples of the key's point that ECDSA verification
 * precomputes are cached on it, so every verification after the first does only the signature's own arithmetic.
 * ECDSA with SHA-256, SHA-384 or SHA-512 and no algorithm parameters (RFC 5758 section 3.2) is checked here, with the
 * same strict DER decoding of the signature as BouncyCastle's provider; every other signature goes through the
 * provider with the parsed key, as {@link ParsedCertificate#isSignedBy(ParsedCertificate)} does. Immutable,
 * thread-safe (BouncyCastle synchronises its precomputation on the point).
 */
public final class IssuerKey {
    private static final Map<String, Supplier<Digest>> ECDSA_DIGESTS = Map.of(
            "1.2.840.10045.4.3.2", SHA256Digest::new,
            "1.2.840.10045.4.3.3", SHA384Digest::new,
            "1.2.840.10045.4.3.4", SHA512Digest::new);

    private final PublicKey publicKey;
    private final ECPublicKeyParameters ecKey;
    private final boolean supported;

    private IssuerKey(PublicKey publicKey, ECPublicKeyParameters ecKey, boolean supported) {
        this.publicKey = publicKey;
        this.ecKey = ecKey;
        this.supported = supported;
    }

    /** The subject key of {@code ca}, prepared for verifying. */
    public static IssuerKey of(ParsedCertificate ca) {
        if (!ca.hasSupportedKey()) {
            // Not even built: the provider may refuse such a key outright, and it verifies nothing anyway.
            return new IssuerKey(null, null, false);
        }
        PublicKey key;
        try {
            key = ca.x509().getPublicKey();
        } catch (RuntimeException refused) {
            // BouncyCastle checks some keys only when it builds them (an RSA modulus with a small prime factor).
            return new IssuerKey(null, null, false);
        }
        ECPublicKeyParameters ec = null;
        try {
            AsymmetricKeyParameter parameters =
                    PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
            if (parameters instanceof ECPublicKeyParameters ecParameters) {
                ec = ecParameters;
            }
        } catch (IOException | RuntimeException unusual) {
            // A key BouncyCastle's lightweight API does not take is verified through the provider.
        }
        return new IssuerKey(key, ec, true);
    }

    /**
     * Whether {@code certificate}'s signature verifies with this key; never with a key out of {@link SupportedKeys}'
     * bounds (one stored before them), whose verification could cost seconds of CPU.
     */
    boolean verifies(X509Certificate certificate, Provider provider) {
        if (!supported) {
            return false;
        }
        Supplier<Digest> digest = ecKey == null ? null : ECDSA_DIGESTS.get(certificate.getSigAlgOID());
        if (digest == null || certificate.getSigAlgParams() != null) {
            return verifiesThroughProvider(certificate, provider);
        }
        try {
            byte[] tbs = certificate.getTBSCertificate();
            AlgorithmIdentifier signed = TBSCertificate.getInstance(tbs).getSignature();
            if (!signed.getAlgorithm().getId().equals(certificate.getSigAlgOID()) || signed.getParameters() != null) {
                // The algorithm inside the signed part must be the one outside it (RFC 5280 section 4.1.1.2).
                return false;
            }
            Digest hash = digest.get();
            hash.update(tbs, 0, tbs.length);
            byte[] value = new byte[hash.getDigestSize()];
            hash.doFinal(value, 0);
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(ecKey.getParameters().getN(),
                    certificate.getSignature());
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, ecKey);
            return signer.verifySignature(value, rs[0], rs[1]);
        } catch (GeneralSecurityException | IOException | RuntimeException e) {
            return false;
        }
    }

    private boolean verifiesThroughProvider(X509Certificate certificate, Provider provider) {
        try {
            certificate.verify(publicKey, provider);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
