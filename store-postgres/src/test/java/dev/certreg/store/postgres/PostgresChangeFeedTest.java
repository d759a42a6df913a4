package dev.certreg.store.postgres;

import static dev.certreg.core.testing.Records.device;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.CertificateChangeListener;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.NamedMarkers;
import dev.certreg.core.PolicyService;
import dev.certreg.core.Scope;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two stores on one database stand for two nodes: what one commits, the other hears through LISTEN/NOTIFY (a
 * certificate's own changes, and a policy detached from it or given a new default version); what is rolled back,
 * nobody hears; a listening connection that the database drops is reopened and says that changes may
 * have been missed meanwhile.
 */
@Timeout(120)
class PostgresChangeFeedTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final long BOUND_SECONDS = 30;
    private static final String ALLOW_ALL =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iot:*\",\"Resource\":\"*\"}]}";

    @RegisterExtension
    static final PostgresStores DATABASE = new PostgresStores();

    private final Heard heard = new Heard();
    private PostgresCertificateStore nodeA;
    private PostgresCertificateStore nodeB;

    @BeforeEach
    void startNodes() {
        nodeA = DATABASE.store();
        nodeB = DATABASE.database().openStore(EmbeddedDatabase.MAIN);
        nodeB.followChanges(heard);
    }

    @AfterEach
    void stopListening() {
        nodeB.close();
    }

    @Test
    void aChangeCommittedOnOneNodeIsHeardOnTheOtherAndARolledBackOneIsNot() throws Exception {
        DeviceCertificate rolledBack = inserted("rolled-back");
        DeviceCertificate deleted = inserted("deleted");

        DATABASE.database().execute(EmbeddedDatabase.MAIN, "DO $$ BEGIN UPDATE device_certificates "
                + "SET status = 'REVOKED' WHERE cert_id = '" + rolledBack.certificateId() + "'; RAISE EXCEPTION 'roll back'; EXCEPTION WHEN OTHERS THEN END $$");
        assertThat(nodeA.deleteDeviceCertificate(SCOPE, deleted.certificateId(), 1)).isTrue();

        assertThat(heard.next()).isEqualTo(deleted.certificateId());
    }

    @Test
    void aDroppedListeningConnectionIsReopenedAndReportsThatChangesMayHaveBeenMissed() throws Exception {
        terminateListeners();
        assertThat(heard.missed.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("reconnected").isTrue();

        DeviceCertificate after = inserted("after-reconnect");
        assertThat(nodeA.deleteDeviceCertificate(SCOPE, after.certificateId(), 1)).isTrue();
        assertThat(heard.next()).isEqualTo(after.certificateId());
    }

    @Test
    void aPolicyDetachedOrGivenANewDefaultVersionOnOneNodeIsHeardAsAChangeOfItsCertificates() throws Exception {
        DeviceCertificate device = inserted("with-policy");
        PolicyService policies = new PolicyService(nodeA, new NamedMarkers(new byte[32]), Clock.systemUTC());
        policies.create(SCOPE, "p", ALLOW_ALL, List.of());
        policies.attach(SCOPE, "p", device.arn());
        assertThat(heard.next()).isEqualTo(device.certificateId());

        policies.createVersion(SCOPE, "p", ALLOW_ALL, true);
        assertThat(heard.next()).isEqualTo(device.certificateId());

        policies.detach(SCOPE, "p", device.arn());
        assertThat(heard.next()).isEqualTo(device.certificateId());
    }

    private DeviceCertificate inserted(String name) {
        DeviceCertificate certificate = device(SCOPE, name, null, 1_000);
        assertThat(nodeA.insertDeviceCertificate(certificate)).isTrue();
        return certificate;
    }

    private static void terminateListeners() {
        DATABASE.database().execute(EmbeddedDatabase.MAIN, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE query = 'LISTEN " + PostgresChangeFeed.CHANNEL + "'");
    }

    private static final class Heard implements CertificateChangeListener {
        final BlockingQueue<String> changed = new LinkedBlockingQueue<>();
        final CountDownLatch missed = new CountDownLatch(1);

        @Override
        public void certificateChanged(String certificateId) {
            changed.add(certificateId);
        }

        @Override
        public void changesMayHaveBeenMissed() {
            missed.countDown();
        }

        String next() throws InterruptedException {
            String id = changed.poll(BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(id).as("a change heard within %d s", BOUND_SECONDS).isNotNull();
            return id;
        }
    }
}
