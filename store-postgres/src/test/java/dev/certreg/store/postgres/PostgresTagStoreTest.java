package dev.certreg.store.postgres;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.testing.TagStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

class PostgresTagStoreTest extends TagStoreContract {
    private static EmbeddedDatabase database;
    private static PostgresCertificateStore store;

    @BeforeAll
    static void start() {
        database = EmbeddedDatabase.start();
        store = database.openStore(EmbeddedDatabase.MAIN);
    }

    @AfterAll
    static void stop() {
        store.close();
        database.close();
    }

    @BeforeEach
    void empty() {
        database.truncate(EmbeddedDatabase.MAIN);
    }

    @Override
    protected CertificateStore store() {
        return store;
    }
}
