package dev.certreg.mqtt;

import dev.certreg.core.x509.BouncyCastle;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The device endpoint's one server key and chain, handed to JSSE as the same key object for every handshake. The key
 * is BouncyCastle's, decoded once with its named curve: when BouncyCastle signs the handshakes
 * ({@link dev.certreg.core.x509.EcdsaProvider}), it keeps its table of multiples of the curve's generator on that
 * key's parameters, where a key converted afresh for each signature (a JDK key, or one a PKCS #12 key store decodes
 * again on every read) makes it build the table, and check the curve, every time. Immutable, thread-safe.
 */
final class ServerKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "server";

    private final PrivateKey key;
    private final X509Certificate[] chain;

    private ServerKeyManager(PrivateKey key, X509Certificate[] chain) {
        this.key = key;
        this.chain = chain;
    }

    static ServerKeyManager of(ServerIdentity identity) throws GeneralSecurityException {
        PrivateKey key = KeyFactory.getInstance(identity.privateKey().getAlgorithm(), BouncyCastle.provider())
                .generatePrivate(new PKCS8EncodedKeySpec(identity.privateKey().getEncoded()));
        return new ServerKeyManager(key, new X509Certificate[] {identity.certificate(), identity.root()});
    }

    private String[] aliases(String keyType) {
        return key.getAlgorithm().equals(keyType) ? new String[] {ALIAS} : null;
    }

    private String alias(String keyType) {
        return key.getAlgorithm().equals(keyType) ? ALIAS : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return aliases(keyType);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return alias(keyType);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return alias(keyType);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
        return null;
    }
}
