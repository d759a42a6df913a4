package dev.certreg.mqtt;

import dev.certreg.core.x509.Pem;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The device endpoint's own root CA, certreg's stand-in for Amazon Root CA 1 (AWS IoT developer guide, "Server
 * authentication"): an EC P-256 key and a self-signed certificate, kept by the caller so that devices trust it across
 * restarts and nodes. Each start issues a fresh server certificate under it naming the advertised hosts. Immutable,
 * thread-safe.
 */
public final class ServerCa {
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final String SIGNER = "SunEC";
    private static final X500Name ROOT = new X500Name("CN=certreg Device Endpoint Root CA, O=certreg");
    private static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(397);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private ServerCa(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /** A new root whose validity starts now on {@code clock}. */
    public static ServerCa generate(Clock clock) {
        KeyPair keys = ecKeys();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ROOT, BigInteger.ONE,
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(ROOT_VALIDITY)), ROOT,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return new ServerCa(keys.getPrivate(), sign(builder, keys.getPrivate()));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The server CA could not be created", e);
        }
    }

    /** The root that {@link #toPem()} wrote: an EC private key block and a certificate block. */
    public static ServerCa fromPem(String pem) {
        PrivateKey key = null;
        X509Certificate certificate = null;
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    key = new JcaPEMKeyConverter().getPrivateKey(info);
                } else if (o instanceof X509CertificateHolder holder) {
                    certificate = new JcaX509CertificateConverter().getCertificate(holder);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The server CA file is not a PEM key and certificate", e);
        }
        if (key == null || certificate == null) {
            throw new IllegalArgumentException("The server CA file needs a PRIVATE KEY and a CERTIFICATE");
        }
        return new ServerCa(key, certificate);
    }

    /** The private key and the certificate, for {@link #fromPem(String)}. Secret: store it 0600. */
    public String toPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded()) + rootPem();
    }

    /** The root certificate alone, in PEM: what devices trust (their {@code --cafile}). */
    public String rootPem() {
        try {
            return Pem.encode("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The server CA certificate cannot be encoded", e);
        }
    }

    X509Certificate root() {
        return certificate;
    }

    /**
     * A server key and certificate naming {@code hosts} (DNS names, or IP literals) as subject alternative names,
     * valid from now on {@code clock}.
     */
    public ServerIdentity issueServerCertificate(List<String> hosts, Clock clock) {
        KeyPair keys = ecKeys();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<GeneralName> names = new ArrayList<>();
        for (String host : hosts) {
            names.add(isIpLiteral(host)
                    ? new GeneralName(GeneralName.iPAddress, host)
                    : new GeneralName(GeneralName.dNSName, host));
        }
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ROOT,
                    new BigInteger(159, new SecureRandom()).setBit(158), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(SERVER_VALIDITY)), new X500Name("CN=" + hosts.get(0)), keys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            return new ServerIdentity(keys.getPrivate(), sign(builder, privateKey), certificate);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("The server certificate could not be issued", e);
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    /**
     * Signs with the JDK's own ECDSA, as the key is the JDK's. The provider first in the JVM's list is BouncyCastle's
     * ({@link dev.certreg.core.x509.EcdsaProvider}), whose first signature with a JDK key converts its curve, testing
     * the field prime for primality, and loads BouncyCastle's EC classes: 70 ms against 8 ms for SunEC, once each
     * start, for one signature.
     */
    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE).setProvider(SIGNER).build(key)));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(SIGNATURE + " is missing from this JDK", e);
        }
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 is missing from this JDK", e);
        }
    }

}
