package dev.certreg.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.Audit;
import dev.certreg.core.Audits;
import dev.certreg.core.CertificateLists;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.CertificateTransferService;
import dev.certreg.core.DeviceCertificateService;
import dev.certreg.core.DeviceRegistration;
import dev.certreg.core.MarkerCodec;
import dev.certreg.core.Scope;
import dev.certreg.core.testing.MutableClock;
import dev.certreg.core.testing.TestPki;
import dev.certreg.core.x509.X509Codec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services stamp the time and generation ids of the one {@link Audits} they are given, on a real store. */
class AuditsTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    /** An hour into the validity of certificates minted now, at a millisecond a second-truncating store would lose. */
    private final Instant start =
            Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).plusMillis(678);

    @TempDir
    Path dataDir;

    private final MutableClock clock = MutableClock.frozenAt(start);
    private final AtomicInteger generations = new AtomicInteger();
    private final Audits audits = new Audits(clock, () -> "generation-" + generations.incrementAndGet());
    private CertificateStore store;
    private DeviceCertificateService devices;
    private CertificateTransferService transfers;

    @BeforeEach
    void open() {
        store = TestStore.create(dataDir).open();
        devices = new DeviceCertificateService(
                store, new X509Codec(), new CertificateLists(new MarkerCodec(new byte[32])), audits);
        transfers = new CertificateTransferService(store, audits);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void registrationUpdateAndTransferCarryTheInjectedTimesAndIds() {
        String pem = TestPki.selfSignedLeaf("stamped").pem();
        String id = devices.registerWithoutCa(SCOPE, new DeviceRegistration(pem, null, null, null)).certificateId();
        assertThat(devices.describe(SCOPE, id).audit()).isEqualTo(new Audit(start, start, 1, "generation-1"));

        clock.advance(Duration.ofSeconds(1));
        devices.update(SCOPE, id, CertificateStatus.ACTIVE);
        devices.update(SCOPE, id, CertificateStatus.INACTIVE);
        Instant transferred = start.plusSeconds(2);
        clock.advance(Duration.ofSeconds(1));
        transfers.transfer(SCOPE, id, "210987654321", null);

        assertThat(devices.describe(SCOPE, id).audit())
                .isEqualTo(new Audit(start, transferred, 4, "generation-4"));
        assertThat(devices.describe(SCOPE, id).transfer().transferDate()).isEqualTo(transferred);
    }
}
