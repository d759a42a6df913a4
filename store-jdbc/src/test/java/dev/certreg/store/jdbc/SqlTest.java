package dev.certreg.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.certreg.core.CertificateMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Named parameters and column lists, run on an in-memory SQLite database. */
class SqlTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Sql.of("CREATE TABLE t (a TEXT, b TEXT, n INTEGER)").update(c);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void eachValueLandsInItsColumnWhateverTheOrderTheColumnsAreSetIn() throws SQLException {
        Columns one = new Columns().set("a", "A1").set("b", "B1").set("n", 1);
        Columns two = new Columns().set("n", 2).set("b", "B2").set("a", "A2");
        for (Columns row : List.of(one, two)) {
            Sql.of("INSERT INTO t " + row.insert()).bind(row).update(c);
        }
        assertThat(Sql.of("SELECT a, b, n FROM t ORDER BY n").query(c, rs -> List.of(rs.getString("a"),
                rs.getString("b"), rs.getInt("n")))).containsExactly(List.of("A1", "B1", 1), List.of("A2", "B2", 2));
    }

    @Test
    void anUpdateSetsTheColumnsItNamesAndFiltersOnItsOwnParameters() throws SQLException {
        Sql.of("INSERT INTO t (a, b, n) VALUES ('x', 'old', 1), ('y', 'old', 1)").update(c);
        Columns changed = new Columns().set("n", 2).set("b", "new");
        int updated = Sql.of("UPDATE t SET " + changed.assignments() + " WHERE a = :a AND n = :expected")
                .bind(changed).bind("a", "x").bind("expected", 1).update(c);
        assertThat(updated).isOne();
        assertThat(Sql.of("SELECT a, b, n FROM t ORDER BY a").query(c, rs -> rs.getString("a") + rs.getString("b")
                + rs.getInt("n"))).containsExactly("xnew2", "yold1");
    }

    @Test
    void aBatchRunsOncePerRowWithTheSharedValuesAndCountsEachRun() throws SQLException {
        Sql.of("CREATE UNIQUE INDEX t_a ON t (a)").update(c);
        List<Columns> rows = List.of(new Columns().set("a", "A1").set("n", 1), new Columns().set("n", 2).set("a", "A1"),
                new Columns().set("a", "A3").set("n", 3));
        int[] counts = Sql.of("INSERT INTO t (a, b, n) VALUES (:a, :b, :n) ON CONFLICT DO NOTHING").bind("b", "shared")
                .updateEach(c, rows);
        assertThat(counts).containsExactly(1, 0, 1);
        assertThat(Sql.of("SELECT a, b, n FROM t ORDER BY n").query(c, rs -> rs.getString("a") + rs.getString("b")
                + rs.getInt("n"))).containsExactly("A1shared1", "A3shared3");
        assertThat(Sql.of("INSERT INTO t (a) VALUES (:a)").updateEach(c, List.of())).isEmpty();
    }

    @Test
    void aBatchRowThatMissesOrAddsAParameterFailsBeforeAnythingIsWritten() throws SQLException {
        Sql insert = Sql.of("INSERT INTO t (a, n) VALUES (:a, :n)");
        assertThatThrownBy(() -> insert.updateEach(c, List.of(new Columns().set("a", "A").set("n", 1),
                new Columns().set("a", "B")))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":n");
        assertThatThrownBy(() -> insert.updateEach(c, List.of(new Columns().set("a", "A").set("n", 1).set("b", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":b");
        assertThat(Sql.of("SELECT count(*) FROM t").queryOne(c, rs -> rs.getInt(1))).contains(0);
    }

    @Test
    void aNameUsedTwiceIsBoundOnceAndNullAndEnumsBindAsSqlValues() throws SQLException {
        Sql.of("INSERT INTO t (a, b, n) VALUES (:v, :v, :n)").bind("v", CertificateMode.SNI_ONLY).bind("n", null)
                .update(c);
        assertThat(Sql.of("SELECT * FROM t WHERE a = :v AND b = :v AND n IS NULL").bind("v", "SNI_ONLY")
                .queryOne(c, rs -> rs.getString("a"))).contains("SNI_ONLY");
    }

    @Test
    void anUnboundParameterFailsBeforeTheStatementRuns() {
        Sql sql = Sql.of("INSERT INTO t (a, b) VALUES (:a, :b)").bind("a", "x");
        assertThatThrownBy(() -> sql.update(c)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":b is not bound");
    }

    @Test
    void bindingANameTheSqlDoesNotUseFails() {
        assertThatThrownBy(() -> Sql.of("SELECT * FROM t WHERE a = :a").bind("aa", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no parameter :aa");
    }

    @Test
    void aColumnThatCollidesWithAFilterParameterFails() {
        Columns changed = new Columns().set("n", 2);
        Sql sql = Sql.of("UPDATE t SET " + changed.assignments() + " WHERE n = :n").bind(changed);
        assertThatThrownBy(() -> sql.bind("n", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":n is bound twice");
    }

    @Test
    void aColumnSetTwiceOrWithAnUnsafeNameFails() {
        assertThatThrownBy(() -> new Columns().set("a", 1).set("a", 2)).hasMessageContaining("set twice");
        assertThatThrownBy(() -> new Columns().set("a) VALUES (1); --", 1)).hasMessageContaining("Not a column");
        assertThatThrownBy(() -> new Columns().insert()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void colonsInLiteralsCommentsQuotedNamesAndCastsAreNotParameters() {
        Sql sql = Sql.of("SELECT ':no', \"x:no\", 'it''s :no', n::text FROM t -- :no\nWHERE a = :yes AND b = :yes2");
        assertThat(sql.parameterNames()).containsExactly("yes", "yes2");
    }

    @Test
    void theColumnListsNameEachColumnByItself() {
        Columns row = new Columns().set("a", 1).set("b_2", 2);
        assertThat(Map.of("insert", row.insert(), "set", row.assignments())).containsExactlyInAnyOrderEntriesOf(
                Map.of("insert", "(a, b_2) VALUES (:a, :b_2)", "set", "a = :a, b_2 = :b_2"));
    }
}
