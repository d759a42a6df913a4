package dev.certreg.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.NamedPageRequest;
import dev.certreg.core.NamedPosition;
import dev.certreg.core.PageKey;
import dev.certreg.core.PageRequest;
import dev.certreg.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What list pages read, on an in-memory SQLite table whose rows share creation times: walked page by page, each list
 * returns its rows once, in (time, id) order, in both directions. store-sqlite and store-postgres check how their
 * databases plan the same queries.
 */
class KeysetQueryTest {
    private static final int ROWS = 40;
    private Connection c;
    private final List<Row> rows = new ArrayList<>();

    /** One row: its creation time, id, owner and the account it is offered to. */
    private record Row(long created, String id, String account, String target) {}

    @BeforeEach
    void fill() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Sql.of("CREATE TABLE certs (account TEXT, transfer_target TEXT, cert_id TEXT, status TEXT, mode TEXT, "
                + "created_ms INTEGER)").update(c);
        for (int i = 0; i < ROWS; i++) {
            // Four creation times shared by ten rows each; ids out of insertion order; three accounts interleaved,
            // and some rows of the others offered to account a.
            String account = "abc".substring(i % 3, i % 3 + 1);
            Row row = new Row(i % 4, String.format("%02d", (i * 7) % ROWS), account,
                    i % 5 == 0 && !account.equals("a") ? "a" : null);
            rows.add(row);
            Sql.of("INSERT INTO certs VALUES (:account, :target, :id, 'ACTIVE', 'DEFAULT', :created)")
                    .bind("account", row.account()).bind("target", row.target()).bind("id", row.id())
                    .bind("created", row.created()).update(c);
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void aFirstPageReadsOneRowMoreThanItHoldsToTellWhetherMoreFollow() throws SQLException {
        assertThat(page(new PageRequest(2, true, Optional.empty()))).hasSize(3);
        assertThat(page(new PageRequest(ROWS, true, Optional.empty()))).hasSize(owned().size());
    }

    @Test
    void aLaterPageStartsStrictlyAfterTheMarkerAmongRowsOfTheSameTime() throws SQLException {
        List<String> ascending = ids(owned(), true);
        String middle = ascending.get(3);
        long created = owned().stream().filter(r -> r.id().equals(middle)).findFirst().orElseThrow().created();
        assertThat(page(new PageRequest(ROWS, true, Optional.of(new PageKey(created, middle)))))
                .containsExactlyElementsOf(ascending.subList(4, ascending.size()));
        List<String> descending = ids(owned(), false);
        int at = descending.indexOf(middle);
        assertThat(page(new PageRequest(ROWS, false, Optional.of(new PageKey(created, middle)))))
                .containsExactlyElementsOf(descending.subList(at + 1, descending.size()));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, ROWS})
    void walkingThePagesReturnsEveryRowOnceInOrderInBothDirections(int pageSize) throws SQLException {
        for (boolean ascending : new boolean[] {true, false}) {
            assertThat(walk(pageSize, ascending, this::page)).containsExactlyElementsOf(ids(owned(), ascending));
            assertThat(walk(pageSize, ascending, this::ownedOrOffered))
                    .containsExactlyElementsOf(ids(ownedOrOfferedRows(), ascending));
            assertThat(walk(pageSize, ascending, this::named)).containsExactlyElementsOf(ids(owned(), ascending));
        }
    }

    /** A page reader: the ids of the rows {@code request} reads (up to one more than the page holds). */
    @FunctionalInterface
    private interface Reader {
        List<String> read(PageRequest request) throws SQLException;
    }

    private List<String> walk(int pageSize, boolean ascending, Reader reader) throws SQLException {
        List<String> seen = new ArrayList<>();
        Optional<PageKey> after = Optional.empty();
        for (int pages = 0; pages <= ROWS; pages++) {
            List<String> read = reader.read(new PageRequest(pageSize, ascending, after));
            List<String> page = read.subList(0, Math.min(pageSize, read.size()));
            seen.addAll(page);
            if (read.size() <= pageSize) {
                return seen;
            }
            String last = page.get(page.size() - 1);
            after = Optional.of(new PageKey(createdOf(last), last));
        }
        throw new AssertionError("the walk did not end: " + seen);
    }

    /** The named list's page at the same position: {@link KeysetQuery#named} over the same columns. */
    private List<String> named(PageRequest request) throws SQLException {
        NamedPageRequest named = new NamedPageRequest(request.limit(), request.ascending(),
                request.after().map(key -> new NamedPosition(key.createdMillis(), key.certificateId())));
        Sql sql = Sql.of(KeysetQuery.named("certs", List.of("account = :account"), "created_ms", "cert_id", named))
                .bind("account", "a");
        return KeysetQuery.bindNamedPage(sql, named).query(c, rs -> rs.getString("cert_id"));
    }

    private List<String> page(PageRequest request) throws SQLException {
        Sql sql = Sql.of(KeysetQuery.sql("certs", List.of("account = :account"), request)).bind("account", "a");
        return KeysetQuery.bindPage(sql, request).query(c, rs -> rs.getString("cert_id"));
    }

    private List<String> ownedOrOffered(PageRequest request) throws SQLException {
        Sql sql = Sql.of(KeysetQuery.union("certs", List.of("account = :account"),
                List.of("transfer_target = :account"), request)).bind("account", "a");
        return KeysetQuery.bindPage(sql, request).query(c, rs -> rs.getString("cert_id"));
    }

    private List<Row> owned() {
        return rows.stream().filter(r -> r.account().equals("a")).toList();
    }

    private List<Row> ownedOrOfferedRows() {
        return rows.stream().filter(r -> r.account().equals("a") || "a".equals(r.target())).toList();
    }

    private long createdOf(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().created();
    }

    private static List<String> ids(List<Row> rows, boolean ascending) {
        Comparator<Row> order = Comparator.comparingLong(Row::created).thenComparing(Row::id);
        return rows.stream().sorted(ascending ? order : order.reversed()).map(Row::id).toList();
    }
}
