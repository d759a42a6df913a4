package dev.certreg.store.postgres;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * The database of the store tests on PostgreSQL: one embedded server for the whole run, started by the first test
 * class that needs it and stopped by JUnit at the end; for each class a store on its main database, emptied before
 * each test. Register it on a static field; test classes that use it must not run in parallel.
 */
final class PostgresStores implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private static final Namespace NAMESPACE = Namespace.create(PostgresStores.class);

    private EmbeddedDatabase database;
    private PostgresCertificateStore store;

    @Override
    public void beforeAll(ExtensionContext context) {
        database = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(EmbeddedDatabase.class,
                type -> EmbeddedDatabase.start(), EmbeddedDatabase.class);
        store = database.openStore(EmbeddedDatabase.MAIN);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database.truncate(EmbeddedDatabase.MAIN);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        store.close();
    }

    /** The store of the running test class. */
    PostgresCertificateStore store() {
        return store;
    }

    /** The server, for tests that need databases of their own or raw SQL. */
    EmbeddedDatabase database() {
        return database;
    }
}
