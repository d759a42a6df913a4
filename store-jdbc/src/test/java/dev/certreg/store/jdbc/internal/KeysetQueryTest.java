package dev.certreg.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.PageKey;
import dev.certreg.core.PageRequest;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The list SQL's text; store-sqlite and store-postgres check how their databases plan it. */
class KeysetQueryTest {
    @Test
    void aFirstPageFiltersOnTheIndexPrefixAndReadsOneRowMore() {
        assertThat(KeysetQuery.sql("device_certificates", List.of("account", "region"),
                new PageRequest(25, true, Optional.empty())))
                .isEqualTo("SELECT cert_id, status, mode, created_ms FROM device_certificates WHERE account = ? AND "
                        + "region = ? ORDER BY created_ms ASC, cert_id ASC LIMIT ?");
    }

    @Test
    void aLaterPageStartsStrictlyAfterTheMarkerInTheListOrder() {
        assertThat(KeysetQuery.sql("ca_certificates", List.of("account", "region", "template_name"),
                new PageRequest(25, false, Optional.of(new PageKey(1, "a")))))
                .isEqualTo("SELECT cert_id, status, mode, created_ms FROM ca_certificates WHERE account = ? AND "
                        + "region = ? AND template_name = ? AND (created_ms, cert_id) < (?, ?) "
                        + "ORDER BY created_ms DESC, cert_id DESC LIMIT ?");
    }
}
