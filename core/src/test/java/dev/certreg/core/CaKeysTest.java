package dev.certreg.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.testing.TestPki;
import dev.certreg.core.testing.TestPki.Issued;
import dev.certreg.core.testing.TestPki.KeyType;
import dev.certreg.core.x509.IssuerKey;
import dev.certreg.core.x509.X509Codec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaKeysTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");
    private static final Issued CA = TestPki.ca("ca keys", KeyType.EC);

    private final CaKeys keys = new CaKeys(new X509Codec());

    @Test
    void aCaKeyIsPreparedOnceAndKeptUntilItsCaChanges() {
        IssuerKey first = keys.of(ca("a"));
        assertThat(keys.of(ca("a"))).isSameAs(first);
        keys.invalidate("a");
        IssuerKey afterwards = keys.of(ca("a"));
        assertThat(afterwards).isNotSameAs(first);
        assertThat(keys.of(ca("a"))).isSameAs(afterwards);
    }

    @Test
    void theLeastRecentlyUsedKeysGoBeyondTheBound() {
        IssuerKey kept = keys.of(ca("kept"));
        for (int i = 0; i < CaKeys.MAX_ENTRIES + 10; i++) {
            keys.of(ca("ca " + i));
            keys.of(ca("kept"));
        }
        assertThat(keys.size()).isEqualTo(CaKeys.MAX_ENTRIES);
        assertThat(keys.of(ca("kept"))).isSameAs(kept);
    }

    /** A record of the test CA under a made-up id: the cache keys on the id alone. */
    private static CaCertificate ca(String id) {
        Instant now = Instant.now();
        return new CaCertificate(SCOPE, id, CA.pem(), CA.subject(), CaCertificateStatus.ACTIVE,
                AutoRegistrationStatus.DISABLE, CertificateMode.DEFAULT, null, new Validity(now, now),
                Audit.created(now, "generation"), List.of());
    }
}
