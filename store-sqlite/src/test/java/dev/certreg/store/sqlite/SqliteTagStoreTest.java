package dev.certreg.store.sqlite;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.testing.TagStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteTagStoreTest extends TagStoreContract {
    @RegisterExtension
    final SqliteStores database = new SqliteStores();

    @Override
    protected CertificateStore store() {
        return database.store();
    }
}
