package dev.certreg.store.sqlite;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.testing.TagStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteTagStoreTest extends TagStoreContract {
    @TempDir
    Path dataDir;

    private SqliteCertificateStore store;

    @BeforeEach
    void open() {
        store = SqliteCertificateStore.open(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    protected CertificateStore store() {
        return store;
    }
}
