package dev.certreg.store.sqlite;

import dev.certreg.core.CertificateStore;
import dev.certreg.store.jdbc.JdbcCertificateStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.nio.file.Path;

/**
 * The default {@link CertificateStore}: one SQLite file in WAL mode with {@code synchronous=FULL}, migrated by
 * Flyway on open. Writes are queued to one writer and committed in groups; a write returns after its transaction is
 * on disk. Thread-safe.
 */
public final class SqliteCertificateStore extends JdbcCertificateStore {
    /** The database file's name inside the data directory. */
    public static final String FILE_NAME = "certreg.db";
    private static final int READERS = 4;

    private SqliteCertificateStore(SqliteConnections db, MeterRegistry registry) {
        super(db, registry);
    }

    /** Opens (creating and migrating if needed) the store in {@code dataDir}. */
    public static SqliteCertificateStore open(Path dataDir) {
        return open(dataDir, new CompositeMeterRegistry());
    }

    /**
     * Opens (creating and migrating if needed) the store in {@code dataDir}, recording store latency and the size of
     * each group commit ({@code certreg.sqlite.commit.batch}) into {@code registry}.
     */
    public static SqliteCertificateStore open(Path dataDir, MeterRegistry registry) {
        return new SqliteCertificateStore(
                new SqliteConnections(dataDir.resolve(FILE_NAME), READERS, registry), registry);
    }
}
