package dev.certreg.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.AttributeFilter;
import dev.certreg.core.NamedPageRequest;
import dev.certreg.core.NamedPosition;
import dev.certreg.core.PageKey;
import dev.certreg.core.PageRequest;
import dev.certreg.store.jdbc.Sql;
import dev.certreg.store.jdbc.internal.KeysetQuery;
import dev.certreg.store.jdbc.internal.RegistryQueries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
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
                PageRequest request = new PageRequest(25, ascending, after);
                String plan = plan(KeysetQuery.sql(table, filters(columns), request), request);
                assertThat(plan).contains("USING COVERING INDEX " + index).doesNotContain("TEMP B-TREE");
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "policies, policies_by_created, account;region, created_ms, policy_name",
        "policy_attachments, policy_attachments_by_policy, account;region;policy_name, attached_ms, target",
        "policy_attachments, policy_attachments_by_target, account;region;target, attached_ms, policy_name"})
    void aNamedPageIsACoveringIndexRangeReadInBothOrders(String table, String index, String filter,
            String millisColumn, String nameColumn) throws Exception {
        SqliteCertificateStore.open(dataDir).close();
        List<String> columns = List.of(filter.split(";"));
        for (boolean ascending : new boolean[] {true, false}) {
            for (Optional<NamedPosition> after :
                    List.of(Optional.<NamedPosition>empty(), Optional.of(new NamedPosition(1, "a")))) {
                NamedPageRequest request = new NamedPageRequest(25, ascending, after);
                Sql explain = Sql.of("EXPLAIN QUERY PLAN "
                        + KeysetQuery.named(table, filters(columns), millisColumn, nameColumn, request));
                columns.forEach(column -> explain.bind(column, "x"));
                String plan = plan(KeysetQuery.bindNamedPage(explain, request));
                assertThat(plan).contains("USING COVERING INDEX " + index).doesNotContain("TEMP B-TREE");
            }
        }
    }

    @Test
    void theTargetsListReadsItsOwnAndItsPendingCertificatesEachWithOneCoveringIndexRange() throws Exception {
        SqliteCertificateStore.open(dataDir).close();
        for (boolean ascending : new boolean[] {true, false}) {
            PageRequest request = new PageRequest(25, ascending, Optional.of(new PageKey(1, "a")));
            String plan = plan(KeysetQuery.union("device_certificates", filters(List.of("account", "region")),
                    List.of("transfer_target = :account", "region = :region"), request), request);
            assertThat(plan).contains("USING COVERING INDEX device_certificates_by_created")
                    .contains("USING COVERING INDEX device_certificates_by_transfer_target");
        }
    }

    @Test
    void everyNameOrderedListIsOneRangeReadOfAnIndexInListOrder() throws Exception {
        SqliteCertificateStore.open(dataDir).close();
        for (boolean after : new boolean[] {false, true}) {
            assertThat(registryPlan(RegistryQueries.tags(after)))
                    .contains("SEARCH resource_tags USING PRIMARY KEY").doesNotContain("TEMP B-TREE");
            assertThat(registryPlan(RegistryQueries.thingNames(null, after)))
                    .contains("USING COVERING INDEX sqlite_autoindex_things_1").doesNotContain("TEMP B-TREE");
            assertThat(registryPlan(RegistryQueries.thingNames(new AttributeFilter("a", "v", false), after)))
                    .contains("USING COVERING INDEX thing_attributes_by_value").doesNotContain("TEMP B-TREE");
            assertThat(registryPlan(RegistryQueries.thingNames(new AttributeFilter("a", null, false), after)))
                    .contains("USING COVERING INDEX thing_attributes_by_name").doesNotContain("TEMP B-TREE");
            assertThat(registryPlan(RegistryQueries.thingNames(new AttributeFilter("a", "v", true), after)))
                    .contains("USING COVERING INDEX thing_attributes_by_name").doesNotContain("TEMP B-TREE");
            for (boolean typed : new boolean[] {false, true}) {
                assertThat(registryPlan(RegistryQueries.thingPrincipals(typed, after)))
                        .contains("SEARCH thing_principals USING PRIMARY KEY").doesNotContain("TEMP B-TREE");
                assertThat(registryPlan(RegistryQueries.principalThings(typed, after)))
                        .contains("USING COVERING INDEX thing_principals_by_certificate")
                        .doesNotContain("TEMP B-TREE");
            }
        }
    }

    @Test
    void aPageOfThingsReadsOnlyItsOwnThingsAndAttributes() throws Exception {
        SqliteCertificateStore.open(dataDir).close();
        String plan = registryPlan(RegistryQueries.things(new AttributeFilter("a", "v", false), true));
        // The page's rows are then joined by key; only the page itself (at most maxResults + 1 names) is scanned.
        assertThat(plan).contains("USING COVERING INDEX thing_attributes_by_value")
                .doesNotContain("SCAN t ").doesNotContain("SCAN a ").doesNotContain("SCAN thing");
    }

    @Test
    void aLookupByIdSearchesTheScopedKey() throws Exception {
        SqliteCertificateStore.open(dataDir).close();
        assertThat(plan(Sql.of("EXPLAIN QUERY PLAN SELECT cert_id FROM device_certificates WHERE account = :account "
                + "AND region = :region AND cert_id = :cert_id").bind("account", "x").bind("region", "x")
                .bind("cert_id", "x"))).contains("account=? AND region=? AND cert_id=?").doesNotContain("SCAN");
    }

    private static List<String> filters(List<String> columns) {
        return columns.stream().map(column -> column + " = :" + column).toList();
    }

    /** The plan of a page's SQL with every filter bound to "x". */
    private String plan(String sql, PageRequest request) throws Exception {
        Sql explain = Sql.of("EXPLAIN QUERY PLAN " + sql);
        KeysetQuery.bindPage(explain, request);
        explain.parameterNames().stream().filter(name -> !name.equals("limit") && !name.startsWith("after_"))
                .forEach(name -> explain.bind(name, "x"));
        return plan(explain);
    }

    /** The plan of a name-ordered page's SQL with the limit bound to 26 and every other parameter to "x" (or 1). */
    private String registryPlan(String sql) throws Exception {
        Sql explain = Sql.of("EXPLAIN QUERY PLAN " + sql);
        explain.parameterNames().forEach(name -> explain.bind(name,
                name.equals("limit") ? (Object) 26 : name.equals("prefix_length") ? (Object) 1 : "x"));
        return plan(explain);
    }

    private String plan(Sql explain) throws Exception {
        try (Connection c = DriverManager.getConnection(
                "jdbc:sqlite:" + dataDir.resolve(SqliteCertificateStore.FILE_NAME))) {
            return String.join("\n", explain.query(c, rs -> rs.getString("detail")));
        }
    }
}
