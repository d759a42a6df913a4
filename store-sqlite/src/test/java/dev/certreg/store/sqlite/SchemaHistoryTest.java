package dev.certreg.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.store.jdbc.SchemaHistory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaHistoryTest {
    @TempDir
    Path dataDir;

    @Test
    void anEmptyDatabaseIsBehind() throws SQLException {
        try (Connection connection = connect()) {
            assertThat(SchemaHistory.isCurrent(connection, "db/sqlite")).isFalse();
        }
    }

    @Test
    void aMigratedDatabaseIsCurrentAndReopensAsItWas() throws SQLException {
        SqliteCertificateStore.open(dataDir).close();
        try (Connection connection = connect()) {
            assertThat(SchemaHistory.isCurrent(connection, "db/sqlite")).isTrue();
        }
        SqliteCertificateStore.open(dataDir).close();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(SchemaHistory.isCurrent(connection, "db/sqlite")).isTrue();
            var rows = statement.executeQuery("SELECT count(*) FROM flyway_schema_history WHERE success = 0");
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void aMissingOrFailedMigrationMakesItBehind() throws SQLException {
        SqliteCertificateStore.open(dataDir).close();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE installed_rank = "
                    + "(SELECT max(installed_rank) FROM flyway_schema_history)");
            assertThat(SchemaHistory.isCurrent(connection, "db/sqlite")).isFalse();
            statement.executeUpdate("DELETE FROM flyway_schema_history WHERE success = 0");
            assertThat(SchemaHistory.isCurrent(connection, "db/sqlite")).isFalse();
        }
    }

    @Test
    void aDatabaseWithoutCertregsMigrationsIsBehind() throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE flyway_schema_history (version TEXT, success BOOLEAN)");
            statement.executeUpdate("INSERT INTO flyway_schema_history VALUES ('1', 1)");
            assertThat(SchemaHistory.isCurrent(connection, "db/sqlite")).isFalse();
            assertThat(SchemaHistory.isCurrent(connection, "db/nowhere")).isFalse();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(SqliteCertificateStore.FILE_NAME));
    }
}
