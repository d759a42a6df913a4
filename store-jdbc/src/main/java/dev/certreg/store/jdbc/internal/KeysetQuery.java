package dev.certreg.store.jdbc.internal;

import dev.certreg.core.NamedPageRequest;
import dev.certreg.core.PageRequest;
import dev.certreg.store.jdbc.Sql;
import java.util.List;

/**
 * The SQL of one list page: equality filters that match an index's leading columns, then the row-value comparison
 * {@code (created_ms, cert_id) < (:after_created_ms, :after_cert_id)}, which SQLite and PostgreSQL both answer with
 * one index range read in either direction (the {@code OR}-expanded form does not use the index). Reads
 * {@code :limit} rows, one more than the page holds, to learn whether more follow. Stateless.
 */
public final class KeysetQuery {
    /**
     * The columns of a certificate page: the key, and the id, status and mode as one text value
     * {@code "<cert_id> <status> <mode>"} (none of them holds a space). SQLite's driver copies each text value out
     * through native calls of its own, about 180 ns a value here, so one value a row instead of three takes some 60 µs
     * off a page of 250. {@code cert_id} stays a column of its own for {@link #union}'s ORDER BY.
     */
    public static final String LISTED_COLUMNS =
            "created_ms, cert_id, cert_id || ' ' || status || ' ' || mode AS listed";
    /** The position of {@code created_ms} in {@link #LISTED_COLUMNS}. */
    public static final int LISTED_CREATED_MS = 1;
    /** The position of {@code listed} in {@link #LISTED_COLUMNS}. */
    public static final int LISTED_TEXT = 3;

    private KeysetQuery() {}

    /**
     * The SELECT for {@code table} where each of {@code filters} (such as {@code "account = :account"}) holds; bind
     * the filters' parameters, then {@link #bindPage} the rest.
     */
    public static String sql(String table, List<String> filters, PageRequest request) {
        String direction = request.ascending() ? "ASC" : "DESC";
        String after = request.after().isEmpty()
                ? ""
                : " AND (created_ms, cert_id) " + (request.ascending() ? ">" : "<")
                        + " (:after_created_ms, :after_cert_id)";
        return "SELECT " + LISTED_COLUMNS + " FROM " + table + " WHERE " + String.join(" AND ", filters)
                + after + " ORDER BY created_ms " + direction + ", cert_id " + direction + " LIMIT :limit";
    }

    /**
     * The SELECT merging two filtered keyset reads of {@code table}, each its own index range read with its own
     * order and limit, then ordered and limited again. Both sides share the page's parameters.
     */
    public static String union(String table, List<String> filters, List<String> otherFilters, PageRequest request) {
        String direction = request.ascending() ? "ASC" : "DESC";
        return "SELECT * FROM (" + sql(table, filters, request) + ") AS owned UNION ALL SELECT * FROM ("
                + sql(table, otherFilters, request) + ") AS offered ORDER BY created_ms " + direction + ", cert_id "
                + direction + " LIMIT :limit";
    }

    /** Binds the position after which the page starts, if {@code request} has one, and the row limit. */
    public static Sql bindPage(Sql sql, PageRequest request) {
        request.after().ifPresent(key -> sql.bind("after_created_ms", key.createdMillis())
                .bind("after_cert_id", key.certificateId()));
        return sql.bind("limit", request.limit() + 1);
    }

    /**
     * The SELECT of one page of a list ordered by (time, name), as {@link #sql} for certificates: {@code millisColumn}
     * and {@code nameColumn} of {@code table} where each of {@code filters} holds; bind the filters' parameters, then
     * {@link #bindNamedPage} the rest.
     */
    public static String named(String table, List<String> filters, String millisColumn, String nameColumn,
            NamedPageRequest request) {
        String direction = request.ascending() ? "ASC" : "DESC";
        String after = request.after().isEmpty()
                ? ""
                : " AND (" + millisColumn + ", " + nameColumn + ") " + (request.ascending() ? ">" : "<")
                        + " (:after_millis, :after_name)";
        return "SELECT " + millisColumn + ", " + nameColumn + " FROM " + table + " WHERE "
                + String.join(" AND ", filters) + after + " ORDER BY " + millisColumn + " " + direction + ", "
                + nameColumn + " " + direction + " LIMIT :limit";
    }

    /** Binds the position after which a {@link #named} page starts, if {@code request} has one, and the row limit. */
    public static Sql bindNamedPage(Sql sql, NamedPageRequest request) {
        request.after().ifPresent(key -> sql.bind("after_millis", key.millis()).bind("after_name", key.name()));
        return sql.bind("limit", request.limit() + 1);
    }
}
