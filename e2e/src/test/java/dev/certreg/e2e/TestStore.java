package dev.certreg.e2e;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.certreg.core.CertificateStore;
import dev.certreg.store.postgres.PostgresCertificateStore;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store an end-to-end test runs on: SQLite by default, PostgreSQL when the system property
 * {@code certreg.e2e.store} is {@code postgres} (the build's second test execution), so the suite proves both.
 */
abstract class TestStore {
    /** The store for one test, over data no other test sees. */
    static TestStore create(Path dataDir) {
        return "postgres".equals(System.getProperty("certreg.e2e.store"))
                ? new OnPostgres()
                : new OnSqlite(dataDir);
    }

    /** Opens the store; opening again after a close sees the same data, as a restarted server would. */
    abstract CertificateStore open();

    /** Makes every later call of an open store fail, as a lost disk or database would. */
    abstract void breakIt(CertificateStore open);

    private static final class OnSqlite extends TestStore {
        private final Path dataDir;

        OnSqlite(Path dataDir) {
            this.dataDir = dataDir;
        }

        @Override
        CertificateStore open() {
            Path file = dataDir.resolve(SqliteCertificateStore.FILE_NAME);
            if (Files.notExists(file)) {
                try {
                    Files.copy(MigratedTemplate.FILE, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return SqliteCertificateStore.open(dataDir);
        }

        @Override
        void breakIt(CertificateStore open) {
            open.close();
        }
    }

    /**
     * An empty SQLite database migrated once for the run and copied for each test, so that a test's store opens
     * without running the migrations again (as a restarted server opens its data dir).
     */
    private static final class MigratedTemplate {
        static final Path FILE = migrate();

        private static Path migrate() {
            try {
                Path dir = Files.createTempDirectory("certreg-e2e-template");
                SqliteCertificateStore.open(dir).close();
                dir.toFile().deleteOnExit();
                Path file = dir.resolve(SqliteCertificateStore.FILE_NAME);
                file.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class OnPostgres extends TestStore {
        OnPostgres() {
            Database.INSTANCE.empty();
        }

        @Override
        CertificateStore open() {
            return PostgresCertificateStore.open(Database.INSTANCE.pool);
        }

        @Override
        void breakIt(CertificateStore open) {
            Database.INSTANCE.execute("DROP SCHEMA public CASCADE");
        }
    }

    /**
     * One embedded PostgreSQL and one database for the whole run, behind a HikariCP pool as in production, emptied
     * before each test by truncating its tables (migrating a new database per test took most of the suite's time);
     * stopped when the JVM exits.
     */
    private static final class Database {
        static final Database INSTANCE = new Database();
        /** Empties every table but Flyway's history, whatever tables later migrations add. */
        private static final String TRUNCATE_ALL = "DO $$ DECLARE tables text; BEGIN SELECT string_agg(format('%I', "
                + "tablename), ', ') INTO tables FROM pg_tables WHERE schemaname = 'public' AND tablename <> "
                + "'flyway_schema_history'; IF tables IS NOT NULL THEN EXECUTE 'TRUNCATE ' || tables; END IF; END $$";

        private final EmbeddedPostgres postgres;
        private final HikariDataSource pool;

        private Database() {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            HikariConfig config = new HikariConfig();
            config.setDataSource(postgres.getPostgresDatabase());
            config.setMaximumPoolSize(10);
            pool = new HikariDataSource(config);
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-postgres-stop"));
        }

        /** An empty schema: truncated, or recreated (and so migrated by the next open) after a test broke it. */
        void empty() {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
                    ResultSet schema = statement.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = 'public'")) {
                if (!schema.next()) {
                    statement.execute("CREATE SCHEMA public");
                    pool.getHikariPoolMXBean().softEvictConnections();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            execute(TRUNCATE_ALL);
        }

        void execute(String sql) {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        private void stop() {
            pool.close();
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
