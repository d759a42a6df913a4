package dev.certreg.store.postgres;

import static dev.certreg.core.testing.Records.ca;
import static dev.certreg.core.testing.Records.device;
import static dev.certreg.core.testing.Records.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certreg.core.CaCertificate;
import dev.certreg.core.CaInsertOutcome;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.Scope;
import dev.certreg.core.Tag;
import dev.certreg.core.testing.CertificateStoreContract;
import dev.certreg.store.jdbc.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresCertificateStoreTest extends CertificateStoreContract {
    private static EmbeddedDatabase database;
    private static PostgresCertificateStore store;

    @BeforeAll
    static void start() {
        database = EmbeddedDatabase.start();
        store = database.openStore(EmbeddedDatabase.MAIN);
    }

    @AfterAll
    static void stop() {
        store.close();
        database.close();
    }

    @BeforeEach
    void empty() {
        database.truncate(EmbeddedDatabase.MAIN);
    }

    @Override
    protected CertificateStore store() {
        return store;
    }

    @Test
    void concurrentInsertsOfOneIdHaveExactlyOneWinner() throws Exception {
        List<Callable<Boolean>> same = new ArrayList<>();
        List<Callable<Boolean>> distinct = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int n = i;
            same.add(() -> store.insertDeviceCertificate(device(SCOPE, "contested", "ca", n)));
            distinct.add(() -> store.insertDeviceCertificate(device(SCOPE, "d" + n, "ca", n)));
        }
        assertThat(runTogether(same).stream().filter(won -> won).count()).isEqualTo(1);
        assertThat(runTogether(distinct)).containsOnly(true);
        assertThat(store.listDeviceCertificates(SCOPE, first(250, true)).items()).hasSize(65);
    }

    @Test
    void concurrentCallersAgreeOnOneRegistrationCode() throws Exception {
        List<Callable<String>> callers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String candidate = "code-" + i;
            callers.add(() -> store.registrationCode(SCOPE, candidate));
        }
        List<String> codes = runTogether(callers);
        assertThat(new HashSet<>(codes)).hasSize(1);
        assertThat(store.findRegistrationCode(SCOPE)).contains(codes.get(0));
    }

    @Test
    void onlyOneOfManyAccountsRacingForTheSameDefaultModeCaWins() throws Exception {
        List<Callable<CaInsertOutcome>> racers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String account = String.format("%012d", i);
            racers.add(() -> store.insertCaCertificate(
                    ca(new Scope(account, "us-east-1"), "ca", CertificateMode.DEFAULT, null, 1), 10));
        }
        assertThat(runTogether(racers)).filteredOn(CaInsertOutcome.INSERTED::equals).hasSize(1);
    }

    @Test
    void aCaWhoseTagsCannotBeStoredIsNotStoredEither() {
        CaCertificate valid = ca(SCOPE, "ca", CertificateMode.SNI_ONLY, null, 1);
        CaCertificate badTag = new CaCertificate(SCOPE, valid.certificateId(), valid.certificatePem(),
                valid.subject(), valid.status(), valid.autoRegistrationStatus(), valid.mode(),
                valid.registrationConfig(), valid.validity(), valid.audit(),
                List.of(new Tag("team", "fleet"), new Tag(null, "a tag key may not be null")));
        assertThatThrownBy(() -> store.insertCaCertificate(badTag, 10)).isInstanceOf(StoreException.class);
        assertThat(store.findCaCertificate(SCOPE, valid.certificateId())).isEmpty();
        assertThat(store.insertCaCertificate(valid, 10)).isEqualTo(CaInsertOutcome.INSERTED);
    }

    @Test
    void aFailureReportsItsSqlStateButNeitherTheStatementNorTheRow() {
        database.createDatabase("failing");
        try (PostgresCertificateStore failing = database.openStore("failing")) {
            database.execute("failing", "ALTER TABLE device_certificates ADD CHECK (cert_id <> '" + id("d1") + "')");
            assertThatThrownBy(() -> failing.insertDeviceCertificate(device(SCOPE, "d1", "ca", 1)))
                    .isInstanceOf(StoreException.class).hasMessage("PostgreSQL failure, SQLState 23514")
                    .cause().hasMessageContaining(id("d1"));
            database.execute("failing", "DROP TABLE device_certificates CASCADE");
            assertThatThrownBy(() -> failing.findDeviceCertificate(SCOPE, id("d1")))
                    .isInstanceOf(StoreException.class).hasMessage("PostgreSQL failure, SQLState 42P01");
        }
    }

    @Test
    void certificateIdsCompareInByteOrderWhateverTheDatabaseLocale() throws Exception {
        try (Connection c = database.dataSource(EmbeddedDatabase.MAIN).getConnection();
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DISTINCT collation_name FROM "
                        + "information_schema.columns WHERE column_name IN ('account', 'region', 'cert_id', 'ca_id') "
                        + "AND table_schema = current_schema()")) {
            List<String> collations = new ArrayList<>();
            while (rs.next()) {
                collations.add(rs.getString(1));
            }
            assertThat(collations).containsExactly("C");
        }
        for (String id : List.of("b", "B", "a", "_", "A")) {
            store.insertDeviceCertificate(withId(device(SCOPE, id, "ca", 1_000), id));
        }
        assertThat(walk(r -> store.listDeviceCertificates(SCOPE, r), 2, true))
                .containsExactly("A", "B", "_", "a", "b");
    }

    @Test
    void aStoreOverACallersPoolSharesItsDataAndLeavesThePoolOpen() {
        store.insertDeviceCertificate(device(SCOPE, "d1", "ca", 1_000));
        store.registrationCode(SCOPE, "code");
        HikariConfig config = new HikariConfig();
        config.setDataSource(database.dataSource(EmbeddedDatabase.MAIN));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (PostgresCertificateStore second = PostgresCertificateStore.open(pool)) {
                assertThat(second.findDeviceCertificate(SCOPE, id("d1"))).isPresent();
                assertThat(second.findRegistrationCode(SCOPE)).contains("code");
            }
            assertThat(pool.isClosed()).isFalse();
        }
    }

    private static DeviceCertificate withId(DeviceCertificate d, String certificateId) {
        return new DeviceCertificate(d.scope(), certificateId, d.certificatePem(), d.caCertificateId(), d.status(),
                d.mode(), d.validity(), d.audit());
    }
}
