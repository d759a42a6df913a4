package dev.certreg.mqtt;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * The TLS side of the device endpoint, as AWS IoT's ATS endpoint has it (developer guide, "Transport security in AWS
 * IoT Core"): TLS 1.3 and 1.2 only, a client certificate required, the server's certificate and root sent as the
 * chain, trust decided by the registry ({@link RegistryTrustManager}).
 *
 * <p>The handshakes run on BoringSSL (netty-tcnative) where it loads, Linux on x86-64: a handshake there costs a
 * fraction of the JDK's. Elsewhere, or when the settings ask for it, they run on the JDK's TLS, with the endpoint's
 * key as one BouncyCastle key object ({@link ServerKeyManager}); {@code certreg serve}'s start-up line says which
 * ({@link #describe}). Both hand the client's chain to the same trust manager with the engine of the handshake,
 * whose session has the SNI host.
 *
 * <p>The OpenSSL context is netty's non-reference-counted one: {@link GatedSslEngine} wraps each engine, so netty's
 * SslHandler cannot release it; each engine's native state is freed when the connection closes its inbound and
 * outbound sides, and by a finalizer otherwise, and the context's with the context.
 */
final class DeviceTls {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private DeviceTls() {}

    /** Whether the handshakes run on BoringSSL: asked for, and netty-tcnative loads here. */
    static boolean boringSsl(boolean nativeTls) {
        return nativeTls && OpenSsl.isAvailable();
    }

    /** What the handshakes run on, in words for the start-up line; for the JDK's TLS, why not BoringSSL. */
    static String describe(boolean nativeTls) {
        if (boringSsl(nativeTls)) {
            return OpenSsl.versionString();
        }
        if (!nativeTls) {
            return "the JDK's TLS";
        }
        return "the JDK's TLS (BoringSSL is not available on " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ": " + OpenSsl.unavailabilityCause() + ")";
    }

    /** The broker's context: BoringSSL's when {@link #boringSsl}, else the JDK's. */
    static SslContext context(ServerIdentity identity, RegistryTrustManager trust, ConnectionGate gate,
            boolean nativeTls) {
        try {
            SslContext netty = boringSsl(nativeTls) ? boringSsl(identity, trust) : jdk(identity, trust);
            return new GatedSslContext(netty, gate);
        } catch (GeneralSecurityException | SSLException e) {
            throw new IllegalStateException("The device endpoint's TLS context could not be built", e);
        }
    }

    private static SslContext boringSsl(ServerIdentity identity, RegistryTrustManager trust) throws SSLException {
        return SslContextBuilder.forServer(identity.privateKey(), identity.certificate(), identity.root())
                .sslProvider(SslProvider.OPENSSL)
                // netty hands the key to BoringSSL through an in-memory key store. The JDK's default type, PKCS #12,
                // encrypts the key with 10,000 rounds of PBKDF2 and decrypts it again: about 55 ms of each start on
                // a 2-core machine. JKS protects it with one cheap pass.
                .keyStoreType("JKS")
                .trustManager(trust)
                .clientAuth(ClientAuth.REQUIRE)
                .protocols(PROTOCOLS)
                .build();
    }

    private static SslContext jdk(ServerIdentity identity, RegistryTrustManager trust)
            throws GeneralSecurityException {
        SSLContext jdk = SSLContext.getInstance("TLS");
        jdk.init(new KeyManager[] {ServerKeyManager.of(identity)}, new TrustManager[] {trust}, null);
        return new JdkSslContext(jdk, false, null, IdentityCipherSuiteFilter.INSTANCE, null, ClientAuth.REQUIRE,
                PROTOCOLS, false);
    }
}
