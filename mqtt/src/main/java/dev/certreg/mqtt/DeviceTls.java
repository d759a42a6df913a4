package dev.certreg.mqtt;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import java.security.GeneralSecurityException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * The TLS side of the device endpoint, as AWS IoT's ATS endpoint has it (developer guide, "Transport security in AWS
 * IoT Core"): TLS 1.3 and 1.2 only, a client certificate required, the server's certificate and root sent as the
 * chain, trust decided by the registry ({@link RegistryTrustManager}).
 */
final class DeviceTls {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private DeviceTls() {}

    static SslContext context(ServerIdentity identity, RegistryTrustManager trust, ConnectionGate gate) {
        try {
            SSLContext jdk = SSLContext.getInstance("TLS");
            jdk.init(new KeyManager[] {ServerKeyManager.of(identity)}, new TrustManager[] {trust}, null);
            SslContext netty = new JdkSslContext(jdk, false, null, IdentityCipherSuiteFilter.INSTANCE, null,
                    ClientAuth.REQUIRE, PROTOCOLS, false);
            return new GatedSslContext(netty, gate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The device endpoint's TLS context could not be built", e);
        }
    }
}
