package dev.certreg.store.postgres;

import dev.certreg.core.CertificateStore;
import dev.certreg.core.testing.TagStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresTagStoreTest extends TagStoreContract {
    @RegisterExtension
    static final PostgresStores DATABASE = new PostgresStores();

    @Override
    protected CertificateStore store() {
        return DATABASE.store();
    }
}
