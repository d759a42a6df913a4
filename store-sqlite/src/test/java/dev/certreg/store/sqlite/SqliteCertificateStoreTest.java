package dev.certreg.store.sqlite;

import static dev.certreg.core.testing.Records.device;
import static dev.certreg.core.testing.Records.id;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.testing.CertificateStoreContract;
import dev.certreg.store.jdbc.SqlWork;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteCertificateStoreTest extends CertificateStoreContract {
    @RegisterExtension
    final SqliteStores database = new SqliteStores();

    @Override
    protected CertificateStore store() {
        return database.store();
    }

    @Override
    protected String notNullFailureMessage() {
        return "SQLite failure, SQLITE_CONSTRAINT_NOTNULL";
    }

    @Test
    void everythingAcknowledgedSurvivesAReopen() {
        database.store().insertDeviceCertificate(device(SCOPE, "d1", "ca", 1_000));
        database.store().registrationCode(SCOPE, "code");
        SqliteCertificateStore reopened = database.reopen();
        assertThat(reopened.findDeviceCertificate(SCOPE, id("d1"))).isPresent();
        assertThat(reopened.findRegistrationCode(SCOPE)).contains("code");
    }

    @Test
    void theDatabaseRunsInWalModeWithFullSync() throws Exception {
        // synchronous is a setting of each connection, so it is read on the store's own writer and readers.
        try (SqliteConnections db = new SqliteConnections(database.dataDir().resolve("pragmas.db"), 2,
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
