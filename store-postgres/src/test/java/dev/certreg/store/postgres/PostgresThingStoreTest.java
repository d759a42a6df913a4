package dev.certreg.store.postgres;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.testing.ThingStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresThingStoreTest extends ThingStoreContract {
    @RegisterExtension
    static final PostgresStores DATABASE = new PostgresStores();

    @Override
    protected CertificateStore store() {
        return DATABASE.store();
    }
}
