package dev.certreg.store.sqlite;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.testing.ThingStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqliteThingStoreTest extends ThingStoreContract {
    @RegisterExtension
    final SqliteStores database = new SqliteStores();

    @Override
    protected CertificateStore store() {
        return database.store();
    }
}
