package dev.certreg.cli;

import dev.certreg.core.CertificateStore;
import dev.certreg.store.postgres.PostgresCertificateStore;
import dev.certreg.store.sqlite.SqliteCertificateStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code serve} options that choose where certificates are kept. */
final class StoreOptions {
    @Option(names = "--store", paramLabel = "sqlite|postgres", defaultValue = "sqlite",
            description = "sqlite: one file in --data-dir; postgres: the database of --jdbc-url, which several"
                    + " certreg nodes may share (default: ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:CERTREG_JDBC_URL}",
            description = "With --store postgres: the database, e.g. jdbc:postgresql://db:5432/certreg"
                    + " (default: $CERTREG_JDBC_URL).")
    String jdbcUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:CERTREG_DB_USER}",
            description = "With --store postgres: the database user (default: $CERTREG_DB_USER). The password is"
                    + " read from $CERTREG_DB_PASSWORD only, so that it never shows in a process list.")
    String user;

    /** Opens the store the flags ask for, recording its metrics into {@code registry}. */
    Configured<CertificateStore> open(Path dataDir, MeterRegistry registry) throws StartupFailure {
        if (store.equals("sqlite")) {
            if (jdbcUrl != null || user != null) {
                throw new StartupFailure("--jdbc-url and --db-user need --store postgres");
            }
            Path file = dataDir.toAbsolutePath().resolve(SqliteCertificateStore.FILE_NAME);
            return new Configured<>(opened(() -> SqliteCertificateStore.open(dataDir, registry), file.toString()),
                    "sqlite " + file);
        }
        if (!store.equals("postgres")) {
            throw new StartupFailure("--store must be sqlite or postgres, got '" + store + "'");
        }
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new StartupFailure("--store postgres needs --jdbc-url jdbc:postgresql://HOST:PORT/DATABASE");
        }
        String password = System.getenv("CERTREG_DB_PASSWORD");
        return new Configured<>(opened(() -> PostgresCertificateStore.open(jdbcUrl, user, password, registry),
                jdbcUrl),
                "postgres " + jdbcUrl);
    }

    private static CertificateStore opened(StoreOpener opener, String where) throws StartupFailure {
        try {
            return opener.open();
        } catch (RuntimeException e) {
            throw new StartupFailure("cannot open the database " + where + ": " + StartupFailure.rootMessage(e));
        }
    }

    @FunctionalInterface
    private interface StoreOpener {
        CertificateStore open();
    }
}
