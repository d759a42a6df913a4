package dev.certreg.core.x509;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IssuerKeyTest {
    private final X509Codec codec = new X509Codec();

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void aPreparedKeyAcceptsWhatItsCaSignedAndNothingElse(KeyType type) {
        Issued ca = TestPki.ca("issuer key " + type, type);
        Issued sameNameOtherKey = TestPki.ca(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                TestPki.ca("other " + type, type).keyPair(), type);
        ParsedCertificate caCertificate = codec.parse(ca.pem(), "CA certificate");
        IssuerKey key = IssuerKey.of(caCertificate);
        for (KeyType deviceType : KeyType.values()) {
            ParsedCertificate signed = codec.parse(device(ca, deviceType), "certificate");
            ParsedCertificate forged = codec.parse(device(sameNameOtherKey, deviceType), "certificate");
            assertThat(signed.isSignedBy(key)).isTrue().isEqualTo(signed.isSignedBy(caCertificate));
            assertThat(forged.isSignedBy(key)).isFalse().isEqualTo(forged.isSignedBy(caCertificate));
        }
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void anAlteredSignatureDoesNotVerify(KeyType type) throws Exception {
        Issued ca = TestPki.ca("altered " + type, type);
        byte[] der = codec.parse(device(ca, KeyType.EC), "certificate").x509().getEncoded();
        der[der.length - 1] ^= 0x01; // the last byte of the signature value
        ParsedCertificate altered = codec.parse(pem(der), "certificate");
        assertThat(altered.isSignedBy(IssuerKey.of(codec.parse(ca.pem(), "CA certificate")))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void oneKeyVerifiesFromManyThreadsAtOnce(KeyType type) throws Exception {
        Issued ca = TestPki.ca("shared " + type, type);
        IssuerKey key = IssuerKey.of(codec.parse(ca.pem(), "CA certificate"));
        List<ParsedCertificate> devices = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            devices.add(codec.parse(device(ca, KeyType.EC), "certificate"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                ParsedCertificate device = devices.get(i % devices.size());
                results.add(pool.submit(() -> device.isSignedBy(key)));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String device(Issued ca, KeyType type) {
        return ca.issue("device", type, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(30)).pem();
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
