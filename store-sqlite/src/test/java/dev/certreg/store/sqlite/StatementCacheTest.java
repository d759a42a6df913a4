package dev.certreg.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

class StatementCacheTest {
    private static final String COUNT = "SELECT count(*) FROM t";
    private static final String ALL = "SELECT v FROM t ORDER BY v";

    @TempDir
    Path dir;

    private Connection writer;
    private Connection raw;
    private Connection reader;

    @BeforeEach
    void open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        String url = "jdbc:sqlite:" + dir.resolve("cache.db");
        writer = config.createConnection(url);
        try (Statement statement = writer.createStatement()) {
            statement.execute("CREATE TABLE t (v INTEGER)");
            statement.execute("INSERT INTO t VALUES (1), (2), (3)");
        }
        raw = config.createConnection(url);
        reader = StatementCache.of(raw);
    }

    @AfterEach
    void close() throws SQLException {
        reader.close();
        writer.close();
    }

    @Test
    void aStatementGivenBackIsHandedOutAgainForTheSameText() throws SQLException {
        PreparedStatement first = reader.prepareStatement(COUNT);
        assertThat(count(first)).isEqualTo(3);
        first.close();

        PreparedStatement second = reader.prepareStatement(COUNT);

        assertThat(second).isSameAs(first);
        assertThat(second.isClosed()).isFalse();
        assertThat(count(second)).isEqualTo(3);
    }

    @Test
    void aTextAskedForWhileItsStatementIsInUseGetsAStatementOfItsOwn() throws SQLException {
        try (PreparedStatement outer = reader.prepareStatement(ALL); ResultSet rows = outer.executeQuery()) {
            assertThat(rows.next()).isTrue();
            try (PreparedStatement inner = reader.prepareStatement(ALL); ResultSet again = inner.executeQuery()) {
                assertThat(inner).isNotSameAs(outer);
                assertThat(again.next()).isTrue();
                assertThat(again.getInt(1)).isEqualTo(1);
            }
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void aStatementGivenBackWithItsRowsUnreadHoldsNoSnapshotOfTheConnection() throws SQLException {
        PreparedStatement partly = reader.prepareStatement(ALL);
        ResultSet rows = partly.executeQuery();
        assertThat(rows.next()).isTrue();
        partly.close();

        try (Statement statement = writer.createStatement()) {
            statement.execute("INSERT INTO t VALUES (4)");
        }

        try (PreparedStatement count = reader.prepareStatement(COUNT)) {
            assertThat(count(count)).isEqualTo(4);
        }
    }

    @Test
    void parametersBoundBeforeAreNotKept() throws SQLException {
        String text = "SELECT count(*) FROM t WHERE v > ?";
        try (PreparedStatement statement = reader.prepareStatement(text)) {
            statement.setInt(1, 1);
            assertThat(count(statement)).isEqualTo(2);
        }
        try (PreparedStatement statement = reader.prepareStatement(text)) {
            statement.setInt(1, 2);
            assertThat(count(statement)).isEqualTo(1);
        }
        try (PreparedStatement statement = reader.prepareStatement(text)) {
            assertThat(count(statement)).isZero();
        }
    }

    @Test
    void theLeastRecentlyUsedTextsAreClosedPastTheCapacity() throws SQLException {
        PreparedStatement firstText = reader.prepareStatement(COUNT);
        firstText.close();
        for (int i = 0; i < StatementCache.CAPACITY; i++) {
            try (PreparedStatement statement = reader.prepareStatement(COUNT + " WHERE v > " + i)) {
                count(statement);
            }
        }

        PreparedStatement again = reader.prepareStatement(COUNT);

        assertThat(again).isNotSameAs(firstText);
        assertThat(count(again)).isEqualTo(3);
    }

    @Test
    void closingTheViewClosesTheConnection() throws SQLException {
        reader.prepareStatement(COUNT).close();

        reader.close();

        assertThat(raw.isClosed()).isTrue();
    }

    private static int count(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
