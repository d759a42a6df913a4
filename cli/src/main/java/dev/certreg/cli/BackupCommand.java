package dev.certreg.cli;

import dev.certreg.store.sqlite.SqliteBackup;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code certreg backup}: an online copy of the SQLite store, safe while {@code certreg serve} runs on it. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Copy the SQLite database of a data directory to a file, while the server runs."
                + " Restore: stop the server, copy the file to DATA-DIR/certreg.db (removing certreg.db-wal and"
                + " certreg.db-shm), and keep marker.key and issuing-ca.pem from the same data directory.")
final class BackupCommand implements Callable<Integer> {
    @Option(names = "--data-dir", defaultValue = "${env:CERTREG_DATA_DIR:-data}",
            description = "The data directory of the store to copy (default: $CERTREG_DATA_DIR, else ./data).")
    Path dataDir;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path target;

    @Override
    public Integer call() {
        try {
            SqliteBackup.backup(dataDir, target);
        } catch (SQLException e) {
            System.err.println("certreg: cannot back up " + dataDir.resolve(SqliteCertificateStore.FILE_NAME)
                    + " to " + target + ": " + StartupFailure.rootMessage(e));
            return 1;
        }
        System.out.println("backed up " + dataDir.resolve(SqliteCertificateStore.FILE_NAME) + " to " + target
                + " (integrity_check ok)");
        return 0;
    }
}
