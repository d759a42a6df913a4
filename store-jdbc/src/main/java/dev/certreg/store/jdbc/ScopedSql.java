package dev.certreg.store.jdbc;

import dev.certreg.core.Scope;

/** Statements on the scope-led tables, which bind the scope as {@code :account} and {@code :region}. */
final class ScopedSql {
    /** The condition that keeps a statement to one scope. */
    static final String SCOPE = "account = :account AND region = :region";

    private ScopedSql() {}

    /** {@code sql} with the scope bound as {@code :account} and {@code :region}. */
    static Sql of(String sql, Scope scope) {
        return Sql.of(sql).bind("account", scope.account()).bind("region", scope.region());
    }
}
