package dev.certreg.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database of the store tests on SQLite: a store in a new temporary directory for each test, closed and deleted
 * after it. Register it on an instance field; not thread-safe.
 */
final class SqliteStores implements BeforeEachCallback, AfterEachCallback {
    private Path dataDir;
    private SqliteCertificateStore store;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("certreg-sqlite-");
        store = SqliteCertificateStore.open(dataDir);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        store.close();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }

    /** The store of the running test. */
    SqliteCertificateStore store() {
        return store;
    }

    /** The directory of the store's files, where a test may also keep its own. */
    Path dataDir() {
        return dataDir;
    }

    /** Closes the store and opens it again on the same files, as a restart does. */
    SqliteCertificateStore reopen() {
        store.close();
        store = SqliteCertificateStore.open(dataDir);
        return store;
    }
}
