package dev.certreg.cli;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;

/** What a device made by CreateKeysAndCertificate connects with: its key and certificate, trusting the server root. */
final class DeviceCredentials {
    private DeviceCredentials() {}

    /** Paho's options for one clean-session attempt over {@link #tls}. */
    static MqttConnectOptions options(CreateKeysAndCertificateResponse created, Path root) throws Exception {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(tls(created, root).getSocketFactory());
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(20);
        // Paho retries a refused 3.1.1 CONNECT as 3.1 by default: one attempt, one refusal.
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        return options;
    }

    /** A TLS context presenting {@code created}'s certificate and trusting the root certreg wrote to {@code root}. */
    static SSLContext tls(CreateKeysAndCertificateResponse created, Path root) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("device", privateKey(created.keyPair().privateKey()), new char[0],
                new Certificate[] {certificate(created.certificatePem())});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("certreg", certificate(Files.readString(root)));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        return context;
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static PrivateKey privateKey(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object parsed = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return parsed instanceof PEMKeyPair pair ? converter.getPrivateKey(pair.getPrivateKeyInfo())
                    : converter.getPrivateKey((PrivateKeyInfo) parsed);
        }
    }
}
