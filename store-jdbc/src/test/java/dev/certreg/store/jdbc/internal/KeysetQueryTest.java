package dev.certreg.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.PageKey;
import dev.certreg.core.PageRequest;
import dev.certreg.store.jdbc.Sql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a list page reads, on an in-memory SQLite table; store-sqlite and store-postgres check how their databases
 * plan it.
 */
class KeysetQueryTest {
    private Connection c;

    @BeforeEach
    void fill() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite::memory:");
        Sql.of("CREATE TABLE certs (account TEXT, cert_id TEXT, status TEXT, mode TEXT, created_ms INTEGER)")
                .update(c);
        Sql.of("INSERT INTO certs VALUES ('a', 'x', 'ACTIVE', 'DEFAULT', 1), ('a', 'y', 'ACTIVE', 'DEFAULT', 1), "
                + "('a', 'z', 'ACTIVE', 'DEFAULT', 2), ('b', 'w', 'ACTIVE', 'DEFAULT', 1)").update(c);
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void aFirstPageFiltersAndReadsOneRowMoreThanItHolds() throws SQLException {
        assertThat(ids(new PageRequest(2, true, Optional.empty()))).containsExactly("x", "y", "z");
        assertThat(ids(new PageRequest(1, false, Optional.empty()))).containsExactly("z", "y");
    }

    @Test
    void aLaterPageStartsStrictlyAfterTheMarkerInTheListOrder() throws SQLException {
        assertThat(ids(new PageRequest(5, true, Optional.of(new PageKey(1, "x"))))).containsExactly("y", "z");
        assertThat(ids(new PageRequest(5, false, Optional.of(new PageKey(1, "y"))))).containsExactly("x");
    }

    private List<String> ids(PageRequest request) throws SQLException {
        Sql sql = Sql.of(KeysetQuery.sql("certs", List.of("account = :account"), request)).bind("account", "a");
        return KeysetQuery.bindPage(sql, request).query(c, rs -> rs.getString("cert_id"));
    }
}
