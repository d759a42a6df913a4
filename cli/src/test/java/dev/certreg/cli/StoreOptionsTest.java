package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.Scope;
import dev.certreg.store.postgres.PostgresCertificateStore;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StoreOptionsTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");

    @TempDir
    Path dataDir;

    @Test
    void theDefaultIsAnSqliteFileInTheDataDirectory() throws Exception {
        Configured<CertificateStore> opened = options().open(dataDir, new SimpleMeterRegistry());
        try (CertificateStore store = opened.value()) {
            assertThat(store).isInstanceOf(SqliteCertificateStore.class);
            assertThat(opened.description()).endsWith(SqliteCertificateStore.FILE_NAME);
        }
    }

    @Test
    void postgresOpensTheDatabaseOfTheJdbcUrl() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Configured<CertificateStore> opened =
                    options("--store", "postgres", "--jdbc-url", url, "--db-user", "postgres").open(dataDir,
                            new SimpleMeterRegistry());
            try (CertificateStore store = opened.value()) {
                assertThat(store).isInstanceOf(PostgresCertificateStore.class);
                assertThat(store.registrationCode(SCOPE, "code")).isEqualTo("code");
                assertThat(opened.description()).isEqualTo("postgres " + url);
            }
        }
    }

    private static StoreOptions options(String... args) {
        StoreOptions options = new StoreOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
