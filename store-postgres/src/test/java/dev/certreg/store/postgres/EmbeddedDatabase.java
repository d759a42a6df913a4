package dev.certreg.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One embedded PostgreSQL server, started by a test class for its tests, or shared by the store tests through
 * {@link PostgresStores}. The binaries come from Maven Central; as root (CI), zonky runs them under
 * {@code unshare -U}, since PostgreSQL refuses to run as root. Thread-safe.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final String USER = "postgres";
    /** The database the store's tests use; others are made by {@link #createDatabase}. */
    static final String MAIN = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start() {
        try {
            return new EmbeddedDatabase(EmbeddedPostgres.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A store on {@code database} through a HikariCP pool, as a server opens it. */
    PostgresCertificateStore openStore(String database) {
        return PostgresCertificateStore.open(postgres.getJdbcUrl(USER, database), USER, "");
    }

    /** Unpooled connections to {@code database}. */
    DataSource dataSource(String database) {
        return postgres.getDatabase(USER, database);
    }

    void createDatabase(String name) {
        execute(MAIN, "CREATE DATABASE " + name);
    }

    /** Empties the store's tables in {@code database}. */
    void truncate(String database) {
        execute(database, "TRUNCATE registration_codes, resource_tags, tagged_resources, thing_principals, "
                + "thing_attributes, things, ca_certificates, device_certificates, policy_attachments, "
                + "policy_versions, policies");
    }

    void execute(String database, String sql) {
        try (Connection c = dataSource(database).getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
