package dev.certreg.e2e;

import dev.certreg.core.CertificateStore;
import dev.certreg.store.postgres.PostgresCertificateStore;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

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
            return SqliteCertificateStore.open(dataDir);
        }

        @Override
        void breakIt(CertificateStore open) {
            open.close();
        }
    }

    private static final class OnPostgres extends TestStore {
        private static final AtomicInteger DATABASES = new AtomicInteger();
        private final DataSource database;

        OnPostgres() {
            String name = "e2e_" + DATABASES.incrementAndGet();
            execute(Server.INSTANCE.getPostgresDatabase(), "CREATE DATABASE " + name);
            database = Server.INSTANCE.getDatabase("postgres", name);
        }

        @Override
        CertificateStore open() {
            return PostgresCertificateStore.open(database);
        }

        @Override
        void breakIt(CertificateStore open) {
            execute(database, "DROP SCHEMA public CASCADE");
        }

        private static void execute(DataSource dataSource, String sql) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql, e);
            }
        }

        /** One embedded PostgreSQL for the whole run, stopped when the JVM exits. */
        private static final class Server {
            static final EmbeddedPostgres INSTANCE = start();

            private static EmbeddedPostgres start() {
                try {
                    EmbeddedPostgres postgres = EmbeddedPostgres.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            postgres.close();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, "embedded-postgres-stop"));
                    return postgres;
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
                }
            }
        }
    }
}
