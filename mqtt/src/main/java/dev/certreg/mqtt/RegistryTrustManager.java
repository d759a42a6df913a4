package dev.certreg.mqtt;

import io.netty.handler.ssl.OpenSslCertificateException;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.internal.tcnative.CertificateVerifier;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trust decided by the registry, per handshake: the client's chain is handed to the endpoint, which admits it or
 * throws, and the TLS engine then ends the handshake with alert {@code certificate_unknown} as AWS IoT does for a
 * certificate that is not ACTIVE. No CA names are sent in the CertificateRequest, so that clients present
 * certificates of any CA. Thread-safe.
 */
final class RegistryTrustManager extends X509ExtendedTrustManager {
    /** Admits a client chain for the handshake on {@code engine}, or throws. */
    interface Admitter {
        void admit(SSLEngine engine, X509Certificate[] chain) throws CertificateException;
    }

    private final Admitter admitter;

    RegistryTrustManager(Admitter admitter) {
        this.admitter = admitter;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        try {
            admitter.admit(engine, chain);
        } catch (CertificateException refused) {
            if (engine instanceof ReferenceCountedOpenSslEngine) {
                // BoringSSL picks the alert from a verification error code (SSL_alert_from_verify_result), and a
                // plain CertificateException becomes X509_V_ERR_UNSPECIFIED, sent as internal_error: this code is
                // one it sends as certificate_unknown, as JSSE does. Only the alert reaches the device.
                throw new OpenSslCertificateException(refused.getMessage(), refused,
                        CertificateVerifier.X509_V_ERR_SUBJECT_ISSUER_MISMATCH);
            }
            throw refused;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the device endpoint runs on SSLEngine only");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the device endpoint runs on SSLEngine only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the device endpoint is a server");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the device endpoint is a server");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the device endpoint is a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
