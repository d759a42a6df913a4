package dev.certreg.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.PageKey;
import dev.certreg.core.PageRequest;
import dev.certreg.store.jdbc.internal.KeysetQuery;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every list page is one covering-index range read: no table lookups, no sort, whatever the depth. */
class KeysetQueryPlanTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource({
        "device_certificates, device_certificates_by_ca, account;region;ca_id",
        "device_certificates, device_certificates_by_created, account;region",
        "ca_certificates, ca_certificates_by_created, account;region",
        "ca_certificates, ca_certificates_by_template, account;region;template_name"})
    void aPageIsACoveringIndexRangeReadInBothOrders(String table, String index, String filter) throws Exception {
        SqliteCertificateStore.open(dataDir).close();
        List<String> columns = List.of(filter.split(";"));
        for (boolean ascending : new boolean[] {true, false}) {
            for (Optional<PageKey> after : List.of(Optional.<PageKey>empty(), Optional.of(new PageKey(1, "a")))) {
                String plan = plan(KeysetQuery.sql(table, columns, new PageRequest(25, ascending, after)),
                        columns.size() + (after.isPresent() ? 2 : 0) + 1);
                assertThat(plan).contains("USING COVERING INDEX " + index).doesNotContain("TEMP B-TREE");
            }
        }
    }

    @Test
    void theTargetsListReadsItsOwnAndItsPendingCertificatesEachWithOneCoveringIndexRange() throws Exception {
        SqliteCertificateStore.open(dataDir).close();
        for (boolean ascending : new boolean[] {true, false}) {
            String plan = plan(KeysetQuery.union("device_certificates", List.of("account", "region"),
                    List.of("transfer_target", "region"), new PageRequest(25, ascending, Optional.of(
                            new PageKey(1, "a")))), 2 * (2 + 2 + 1) + 1);
            assertThat(plan).contains("USING COVERING INDEX device_certificates_by_created")
                    .contains("USING COVERING INDEX device_certificates_by_transfer_target");
        }
    }

    @Test
    void aLookupByIdSearchesTheScopedKey() throws Exception {
        SqliteCertificateStore.open(dataDir).close();
        assertThat(plan("SELECT cert_id FROM device_certificates WHERE account = ? AND region = ? AND cert_id = ?",
                3)).contains("account=? AND region=? AND cert_id=?").doesNotContain("SCAN");
    }

    private String plan(String sql, int parameters) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        "jdbc:sqlite:" + dataDir.resolve(SqliteCertificateStore.FILE_NAME));
                PreparedStatement statement = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 1; i <= parameters; i++) {
                statement.setObject(i, i == parameters ? 26 : "x");
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    lines.add(rs.getString("detail"));
                }
            }
            return String.join("\n", lines);
        }
    }
}
