package dev.certreg.store.postgres;

import static dev.certreg.core.testing.Records.device;
import static dev.certreg.core.testing.Records.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.testing.CertificateStoreContract;
import dev.certreg.store.jdbc.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCertificateStoreTest extends CertificateStoreContract {
    @RegisterExtension
    static final PostgresStores DATABASE = new PostgresStores();

    @Override
    protected CertificateStore store() {
        return DATABASE.store();
    }

    @Override
    protected String notNullFailureMessage() {
        return "PostgreSQL failure, SQLState 23502";
    }

    @Test
    void aFailureReportsItsSqlStateButNeitherTheStatementNorTheRow() {
        EmbeddedDatabase database = DATABASE.database();
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

    /** The byte order of ids that the contract checks holds whatever the locale the database was created with. */
    @Test
    void theIdColumnsCompareInTheCCollation() throws Exception {
        try (Connection c = DATABASE.database().dataSource(EmbeddedDatabase.MAIN).getConnection();
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
    }

    @Test
    void aStoreOverACallersPoolSharesItsDataAndLeavesThePoolOpen() {
        DATABASE.store().insertDeviceCertificate(device(SCOPE, "d1", "ca", 1_000));
        DATABASE.store().registrationCode(SCOPE, "code");
        HikariConfig config = new HikariConfig();
        config.setDataSource(DATABASE.database().dataSource(EmbeddedDatabase.MAIN));
        try (HikariDataSource pool = new HikariDataSource(config)) {
            try (PostgresCertificateStore second = PostgresCertificateStore.open(pool)) {
                assertThat(second.findDeviceCertificate(SCOPE, id("d1"))).isPresent();
                assertThat(second.findRegistrationCode(SCOPE)).contains("code");
            }
            assertThat(pool.isClosed()).isFalse();
        }
    }
}
