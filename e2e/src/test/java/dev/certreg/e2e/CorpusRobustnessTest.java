package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.certreg.core.ServiceException;
import dev.certreg.core.Validity;
import dev.certreg.core.testing.MutableClock;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.core.testing.X509Corpus;
import dev.certreg.core.testing.X509Corpus.Entry;
import dev.certreg.core.x509.X509Codec;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateMode;

/**
 * pyca/cryptography's odd and broken certificates, CRLs and keys, sent over HTTP as device, CA and verification
 * certificates. Whatever the verdict, it must be an API answer (200, 400, 406 or 409): never a 5xx, never a hang.
 */
@Timeout(60)
class CorpusRobustnessTest extends RunningServer {
    private static final AtomicLong ACCOUNTS = new AtomicLong(100_000_000_000L);
    private static final X509Codec CODEC = new X509Codec();

    @Override
    MutableClock clock() {
        return MutableClock.frozenAt(Instant.now());
    }

    @TestFactory
    Stream<DynamicTest> noCorpusFileMakesTheServerFailOrHang() {
        Issued ca = TestPki.ca("corpus verifier", KeyType.EC);
        iot.getRegistrationCode(r -> {});
        return Stream.of("pyca-custom", "pyca-misc")
                .flatMap(folder -> X509Corpus.files(folder).stream())
                .map(entry -> dynamicTest(entry.name(), () -> sendEverywhere(entry, ca)));
    }

    private void sendEverywhere(Entry entry, Issued ca) {
        moveClockTo(Instant.now());
        assertThat(status(() -> iot.registerCACertificate(r -> r.caCertificate(ca.pem())
                        .verificationCertificate(entry.pem()))))
                .as("RegisterCACertificate with it as the verification certificate").isEqualTo(400);

        // Most of the corpus has expired: inside its validity, a file also reaches the checks and the store beyond.
        moveClockTo(insideValidity(entry));
        // A fresh account per file, so duplicates and the per-subject CA limit of one file never shape another's.
        IotClient account = client(Long.toString(ACCOUNTS.incrementAndGet()), "us-east-1");
        assertThat(status(() -> account.registerCertificateWithoutCA(r -> r.certificatePem(entry.pem()))))
                .as("RegisterCertificateWithoutCA").isIn(200, 400, 406, 409);
        assertThat(status(() -> account.registerCACertificate(r -> r.caCertificate(entry.pem())
                        .certificateMode(CertificateMode.SNI_ONLY))))
                .as("RegisterCACertificate SNI_ONLY").isIn(200, 400, 406, 409);
    }

    private static Instant insideValidity(Entry entry) {
        try {
            Validity validity = CODEC.parse(entry.pem(), "certificate").validity();
            return validity.notBefore().plus(Duration.between(validity.notBefore(), validity.notAfter()).dividedBy(2));
        } catch (ServiceException unparsable) {
            return Instant.now();
        }
    }

    private void moveClockTo(Instant instant) {
        clock.advance(Duration.between(clock.instant(), instant));
    }
}
