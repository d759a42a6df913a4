package dev.certreg.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Online backup of a store's database file through SQLite's backup API, safe while a server writes to it: the copy
 * is one consistent snapshot (every commit before the backup read its first page, none after), and the copy is a
 * self-contained database (no WAL file beside it). Stateless.
 */
public final class SqliteBackup {
    private SqliteBackup() {}

    /**
     * Copies the database of the store in {@code dataDir} to {@code target} (replaced if it exists) and checks the
     * copy with {@code PRAGMA integrity_check}.
     *
     * @throws SQLException if the database cannot be read, the target cannot be written or the copy is damaged
     */
    public static void backup(Path dataDir, Path target) throws SQLException {
        Path source = dataDir.resolve(SqliteCertificateStore.FILE_NAME);
        if (!Files.isRegularFile(source)) {
            throw new SQLException("No database at " + source);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + source.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("backup to " + target.toAbsolutePath());
        }
        String verdict = integrityCheck(target);
        if (!verdict.equals("ok")) {
            throw new SQLException("The copy at " + target + " fails its integrity check: " + verdict);
        }
    }

    /** What {@code PRAGMA integrity_check} says of the database file {@code file}: {@code ok} if it is sound. */
    public static String integrityCheck(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
            StringBuilder verdict = new StringBuilder();
            while (rs.next()) {
                verdict.append(verdict.length() == 0 ? "" : "; ").append(rs.getString(1));
            }
            return verdict.toString();
        }
    }
}
