package dev.certreg.store.sqlite;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.testing.PolicyStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlitePolicyStoreTest extends PolicyStoreContract {
    @RegisterExtension
    final SqliteStores database = new SqliteStores();

    @Override
    protected CertificateStore store() {
        return database.store();
    }
}
