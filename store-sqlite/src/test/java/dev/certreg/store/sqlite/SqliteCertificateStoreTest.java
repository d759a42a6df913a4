package dev.certreg.store.sqlite;

import static dev.certreg.core.testing.Records.ca;
import static dev.certreg.core.testing.Records.device;
import static dev.certreg.core.testing.Records.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.CaCertificate;
import dev.certreg.core.CaInsertOutcome;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.Tag;
import dev.certreg.core.testing.CertificateStoreContract;
import dev.certreg.store.jdbc.SqlWork;
import dev.certreg.store.jdbc.StoreException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteCertificateStoreTest extends CertificateStoreContract {
    @TempDir
    Path dataDir;

    private SqliteCertificateStore store;

    @BeforeEach
    void open() {
        store = SqliteCertificateStore.open(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected CertificateStore store() {
        return store;
    }

    @Test
    void everythingAcknowledgedSurvivesAReopen() {
        store.insertDeviceCertificate(device(SCOPE, "d1", "ca", 1_000));
        store.registrationCode(SCOPE, "code");
        store.close();
        store = SqliteCertificateStore.open(dataDir);
        assertThat(store.findDeviceCertificate(SCOPE, id("d1"))).isPresent();
        assertThat(store.findRegistrationCode(SCOPE)).contains("code");
    }

    @Test
    void concurrentWritesAllLandAndExactlyOneDuplicateWins() throws Exception {
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> same = new ArrayList<>();
        List<Future<Boolean>> distinct = new ArrayList<>();
        for (int i = 0; i < threads * 4; i++) {
            int n = i;
            same.add(pool.submit(() -> store.insertDeviceCertificate(device(SCOPE, "contested", "ca", n))));
            distinct.add(pool.submit(() -> store.insertDeviceCertificate(device(SCOPE, "d" + n, "ca", n))));
        }
        int winners = 0;
        for (Future<Boolean> f : same) {
            winners += f.get() ? 1 : 0;
        }
        for (Future<Boolean> f : distinct) {
            assertThat(f.get()).isTrue();
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
        assertThat(store.listDeviceCertificates(SCOPE, first(250, true)).items()).hasSize(threads * 4 + 1);
    }

    @Test
    void aCaWhoseTagsCannotBeStoredIsNotStoredAndTheFailureNamesOnlyTheResultCode() {
        CaCertificate valid = ca(SCOPE, "ca", CertificateMode.SNI_ONLY, null, 1);
        CaCertificate badTag = new CaCertificate(SCOPE, valid.certificateId(), valid.certificatePem(),
                valid.subject(), valid.status(), valid.autoRegistrationStatus(), valid.mode(),
                valid.registrationConfig(), valid.validity(), valid.audit(),
                List.of(new Tag("team", "fleet"), new Tag(null, "a tag key may not be null")));
        assertThatThrownBy(() -> store.insertCaCertificate(badTag, 10)).isInstanceOf(StoreException.class)
                .hasMessage("SQLite failure, SQLITE_CONSTRAINT_NOTNULL")
                .cause().hasMessageContaining("resource_tags.tag_key");
        assertThat(store.findCaCertificate(SCOPE, valid.certificateId())).isEmpty();
        assertThat(store.insertCaCertificate(valid, 10)).isEqualTo(CaInsertOutcome.INSERTED);
    }

    @Test
    void theDatabaseRunsInWalModeWithFullSync() throws Exception {
        // synchronous is a setting of each connection, so it is read on the store's own writer and readers.
        try (SqliteConnections db = new SqliteConnections(dataDir.resolve("pragmas.db"), 2,
                new SimpleMeterRegistry())) {
            SqlWork<List<String>> pragmas = c -> List.of(pragma(c, "journal_mode"), pragma(c, "synchronous"));
            // SQLite reports synchronous=FULL as 2.
            assertThat(db.write(pragmas)).containsExactly("wal", "2");
            for (int i = 0; i < 3; i++) {
                assertThat(db.read(pragmas)).containsExactly("wal", "2");
            }
        }
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (var statement = c.createStatement(); var rs = statement.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1).toLowerCase(Locale.ROOT);
        }
    }
}
