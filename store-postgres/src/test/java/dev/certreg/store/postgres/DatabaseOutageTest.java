package dev.certreg.store.postgres;

import static dev.certreg.core.testing.Records.device;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped under an open store: reads and writes answer ServiceUnavailableException (within the pool's
 * connection timeout) instead of failing as internal errors, and once the same database is back the same store
 * serves again by itself, with everything committed before the outage.
 */
@Timeout(180)
class DatabaseOutageTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");

    @TempDir
    Path dataDir;

    @Test
    void aStoppedDatabaseIsUnavailableAndTheStoreRecoversWhenItReturns() throws Exception {
        int port = freePort();
        DeviceCertificate before = device(SCOPE, "before", null, 1_000);
        EmbeddedPostgres postgres = start(port);
        try (PostgresCertificateStore store = PostgresCertificateStore.open(
                postgres.getJdbcUrl("postgres", "postgres"), "postgres", null)) {
            assertThat(store.insertDeviceCertificate(before)).isTrue();

            postgres.close();
            ServiceException write = catchThrowableOfType(ServiceException.class,
                    () -> store.insertDeviceCertificate(device(SCOPE, "during", null, 2_000)));
            ServiceException read = catchThrowableOfType(ServiceException.class,
                    () -> store.findDeviceCertificate(SCOPE, before.certificateId()));

            assertThat(write.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(read.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);

            postgres = start(port);
            assertThat(firstReadAfterRecovery(store, before)).contains(before);
            assertThat(store.insertDeviceCertificate(device(SCOPE, "after", null, 3_000))).isTrue();
        } finally {
            postgres.close();
        }
    }

    /**
     * The first read that succeeds once the database is back. A pooled connection that the database closed while
     * it was away fails once (503, and the pool drops it), so at most one read per pooled connection fails.
     */
    private static Optional<DeviceCertificate> firstReadAfterRecovery(PostgresCertificateStore store,
            DeviceCertificate before) {
        ServiceException last = null;
        for (int attempt = 0; attempt <= PostgresConnections.MAXIMUM_POOL_SIZE; attempt++) {
            try {
                return store.findDeviceCertificate(SCOPE, before.certificateId());
            } catch (ServiceException e) {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
                last = e;
            }
        }
        throw new AssertionError("the store did not recover from the outage", last);
    }

    private EmbeddedPostgres start(int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port)
                .start();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
