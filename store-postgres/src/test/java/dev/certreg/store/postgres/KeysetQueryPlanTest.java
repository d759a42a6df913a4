package dev.certreg.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.AttributeFilter;
import dev.certreg.core.NamedPageRequest;
import dev.certreg.core.NamedPosition;
import dev.certreg.core.PageKey;
import dev.certreg.core.PageRequest;
import dev.certreg.store.jdbc.Sql;
import dev.certreg.store.jdbc.internal.KeysetQuery;
import dev.certreg.store.jdbc.internal.RegistryQueries;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every list page is one index-only range read, with no sort, whatever the depth: asked of PostgreSQL's planner on
 * tables with enough rows, vacuumed and analysed, for it to choose as it would in production.
 */
class KeysetQueryPlanTest {
    private static final int ROWS = 20_000;
    private static final String ACCOUNT = "123456789012";
    private static final String REGION = "us-east-1";

    private static EmbeddedDatabase database;

    @BeforeAll
    static void fill() {
        database = EmbeddedDatabase.start();
        database.openStore(EmbeddedDatabase.MAIN).close();
        database.execute(EmbeddedDatabase.MAIN, "INSERT INTO device_certificates SELECT '" + ACCOUNT + "', '"
                + REGION + "', md5(i::text), 'pem', 'ca-' || i % 10, 'ACTIVE', 'DEFAULT', 0, 1, i, i, 1, 'g' "
                + "FROM generate_series(1, " + ROWS + ") AS i");
        database.execute(EmbeddedDatabase.MAIN, "INSERT INTO ca_certificates SELECT '" + ACCOUNT + "', '" + REGION
                + "', md5(i::text), 'pem', 'CN=ca' || i, 'ACTIVE', 'DISABLE', CASE WHEN i % 2 = 0 THEN 'DEFAULT' "
                + "ELSE 'SNI_ONLY' END, NULL, NULL, 't-' || i % 10, 0, 1, i, i, 1, 'g' "
                + "FROM generate_series(1, " + ROWS + ") AS i");
        database.execute(EmbeddedDatabase.MAIN, "INSERT INTO policies SELECT '" + ACCOUNT + "', '" + REGION
                + "', 'p' || i, 1, 1, 1, 1, i, i, 'g' FROM generate_series(1, " + ROWS + ") AS i");
        database.execute(EmbeddedDatabase.MAIN, "INSERT INTO policy_attachments SELECT '" + ACCOUNT + "', '"
                + REGION + "', 'p' || (i % 100 + 1), 'arn:cert/' || i / 10, i "
                + "FROM generate_series(1, " + ROWS + ") AS i");
        String scope = "'" + ACCOUNT + "', '" + REGION + "', ";
        database.execute(EmbeddedDatabase.MAIN, "INSERT INTO things SELECT " + scope + "'thing-' || i, 'id', NULL, 1 "
                + "FROM generate_series(1, " + ROWS + ") AS i");
        database.execute(EmbeddedDatabase.MAIN, "INSERT INTO thing_attributes SELECT " + scope + "'thing-' || i, "
                + "'a' || i % 20, 'v' || i % 7 FROM generate_series(1, " + ROWS + ") AS i");
        database.execute(EmbeddedDatabase.MAIN, "INSERT INTO thing_principals SELECT " + scope + "'thing-' || i, "
                + "md5((i % 2000 + 1)::text), 'NON_EXCLUSIVE_THING', 0 FROM generate_series(1, " + ROWS + ") AS i");
        database.execute(EmbeddedDatabase.MAIN, "INSERT INTO resource_tags SELECT " + scope + "'arn-' || i % 400, "
                + "'k' || i, 'v' FROM generate_series(1, " + ROWS + ") AS i");
        database.execute(EmbeddedDatabase.MAIN, "VACUUM ANALYZE");
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @ParameterizedTest
    @CsvSource({
        "device_certificates, device_certificates_by_ca, account;region;ca_id",
        "device_certificates, device_certificates_by_created, account;region",
        "ca_certificates, ca_certificates_by_created, account;region",
        "ca_certificates, ca_certificates_by_template, account;region;template_name"})
    void aPageIsAnIndexOnlyRangeReadInBothOrdersAtAnyDepth(String table, String index, String filter)
            throws Exception {
        List<String> columns = List.of(filter.split(";"));
        Map<String, Object> values = Map.of("account", ACCOUNT, "region", REGION, "template_name", "t-3", "ca_id",
                "ca-3");
        List<String> filters = columns.stream().map(column -> column + " = :" + column).toList();
        for (boolean ascending : new boolean[] {true, false}) {
            for (Optional<PageKey> after :
                    List.of(Optional.<PageKey>empty(), Optional.of(new PageKey(ROWS / 2, "8")))) {
                PageRequest request = new PageRequest(25, ascending, after);
                Sql explain = Sql.of("EXPLAIN " + KeysetQuery.sql(table, filters, request));
                columns.forEach(column -> explain.bind(column, values.get(column)));
                String plan = plan(KeysetQuery.bindPage(explain, request));
                assertThat(plan).contains("Index Only Scan").contains(" using " + index + " on ")
                        .doesNotContain("Sort").doesNotContain("Filter");
                if (after.isPresent()) {
                    assertThat(plan).contains("Index Cond").contains("ROW(created_ms, cert_id)");
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "policies, policies_by_created, account;region, created_ms, policy_name, ''",
        "policy_attachments, policy_attachments_by_policy, account;region;policy_name, attached_ms, target, p3",
        "policy_attachments, policy_attachments_by_target, account;region;target, attached_ms, policy_name, "
                + "arn:cert/30"})
    void aNamedPageIsAnIndexOnlyRangeReadInBothOrdersAtAnyDepth(String table, String index, String filter,
            String millisColumn, String nameColumn, String filterValue) throws Exception {
        List<String> columns = List.of(filter.split(";"));
        List<String> filters = columns.stream().map(column -> column + " = :" + column).toList();
        for (boolean ascending : new boolean[] {true, false}) {
            for (Optional<NamedPosition> after :
                    List.of(Optional.<NamedPosition>empty(), Optional.of(new NamedPosition(ROWS / 2, "p8")))) {
                NamedPageRequest request = new NamedPageRequest(25, ascending, after);
                Sql explain = Sql.of("EXPLAIN " + KeysetQuery.named(table, filters, millisColumn, nameColumn,
                        request));
                explain.bind("account", ACCOUNT).bind("region", REGION);
                if (columns.size() == 3) {
                    explain.bind(columns.get(2), filterValue);
                }
                String plan = plan(KeysetQuery.bindNamedPage(explain, request));
                assertThat(plan).contains("Index Only Scan").contains(" using " + index + " on ")
                        .doesNotContain("Sort").doesNotContain("Filter");
            }
        }
    }

    @Test
    void everyNameOrderedListIsAnIndexOnlyRangeReadInListOrder() throws Exception {
        for (boolean after : new boolean[] {false, true}) {
            assertIndexOnly(RegistryQueries.tags(after), "resource_tags_pkey", Map.of("resource_arn", "arn-7"));
            assertIndexOnly(RegistryQueries.thingNames(null, after), "things_pkey", Map.of());
            assertIndexOnly(RegistryQueries.thingNames(new AttributeFilter("a3", "v3", false), after),
                    "thing_attributes_by_value", Map.of("attr_name", "a3", "attr_value", "v3"));
            assertIndexOnly(RegistryQueries.thingNames(new AttributeFilter("a3", null, false), after),
                    "thing_attributes_by_name", Map.of("attr_name", "a3"));
            assertIndexOnly(RegistryQueries.thingPrincipals(false, after), "thing_principals_pkey",
                    Map.of("thing_name", "thing-5"));
            assertIndexOnly(RegistryQueries.principalThings(false, after), "thing_principals_by_certificate",
                    Map.of("cert_id", "c4ca4238a0b923820dcc509a6f75849b"));
        }
    }

    private static void assertIndexOnly(String sql, String index, Map<String, Object> filters) throws Exception {
        Sql explain = Sql.of("EXPLAIN " + sql).bind("account", ACCOUNT).bind("region", REGION);
        filters.forEach(explain::bind);
        if (explain.parameterNames().contains("after")) {
            explain.bind("after", "m");
        }
        explain.bind("limit", 26);
        assertThat(plan(explain)).contains("Index Only Scan").contains(" using " + index + " on ")
                .doesNotContain("Sort").doesNotContain("Seq Scan");
    }

    @Test
    void aLookupByIdIsOneIndexProbe() throws Exception {
        assertThat(plan(Sql.of("EXPLAIN SELECT * FROM device_certificates WHERE account = :account AND "
                + "region = :region AND cert_id = :cert_id").bind("account", ACCOUNT).bind("region", REGION)
                .bind("cert_id", "x")))
                // The device endpoint's cross-account index on cert_id serves this as well as the primary key does:
                // both are one index probe on a near-unique id.
                .containsPattern(" using device_certificates_(pkey|by_id) on ").contains("cert_id = ")
                .doesNotContain("Seq");
    }

    @Test
    void theDefaultModeOwnerLookupReadsThePartialUniqueIndex() throws Exception {
        assertThat(plan(Sql.of("EXPLAIN SELECT account FROM ca_certificates WHERE region = :region AND "
                + "cert_id = :cert_id AND mode = 'DEFAULT'").bind("region", REGION).bind("cert_id", "x"))).contains(" using ca_certificates_default_mode on ").doesNotContain("Seq");
    }

    private static String plan(Sql explain) throws Exception {
        try (Connection c = database.dataSource(EmbeddedDatabase.MAIN).getConnection()) {
            return String.join("\n", explain.query(c, rs -> rs.getString(1)));
        }
    }
}
