package dev.certreg.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.store.jdbc.SchemaHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/** The empty database the build ships: current with this build's migrations, and never written over a store. */
class EmptySchemaTest {
    @TempDir
    Path dir;

    @Test
    void theShippedEmptyDatabaseHasEveryBundledMigration() throws SQLException {
        Path file = dir.resolve("new.db");
        EmptySchema.copyIfAbsent(file);
        assertThat(file).exists();
        try (Connection connection = new SQLiteConfig().createConnection("jdbc:sqlite:" + file)) {
            assertThat(SchemaHistory.isCurrent(connection, "db/sqlite")).isTrue();
        }
    }

    @Test
    void aFileAlreadyThereIsKept() throws Exception {
        Path file = Files.writeString(dir.resolve("kept.db"), "not replaced");
        EmptySchema.copyIfAbsent(file);
        assertThat(file).hasContent("not replaced");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }
}
