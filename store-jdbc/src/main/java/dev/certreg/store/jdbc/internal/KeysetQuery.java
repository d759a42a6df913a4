package dev.certreg.store.jdbc.internal;

import dev.certreg.core.PageRequest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of one list page: equality filters that match an index's leading columns, then the row-value comparison
 * {@code (created_ms, cert_id) < (?, ?)}, which SQLite and PostgreSQL both answer with one index range read in
 * either direction (the {@code OR}-expanded form does not use the index). Reads {@code limit + 1} rows to learn
 * whether more follow. Stateless.
 */
public final class KeysetQuery {
    private KeysetQuery() {}

    /**
     * The SELECT for {@code table}, filtered on {@code columns} (each bound with {@code = ?}), then bound with the
     * position after which the page starts (created_ms, cert_id) if {@code request} has one, and the row limit.
     */
    public static String sql(String table, List<String> columns, PageRequest request) {
        String where = columns.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
        String direction = request.ascending() ? "ASC" : "DESC";
        String after = request.after().isEmpty()
                ? ""
                : " AND (created_ms, cert_id) " + (request.ascending() ? ">" : "<") + " (?, ?)";
        return "SELECT cert_id, status, mode, created_ms FROM " + table + " WHERE " + where + after
                + " ORDER BY created_ms " + direction + ", cert_id " + direction + " LIMIT ?";
    }

    /**
     * The SELECT merging two filtered keyset reads of {@code table}, each its own index range read with its own
     * order and limit, then ordered and limited again. Bound with each side's filter values, position and limit in
     * turn, then the overall limit.
     */
    public static String union(String table, List<String> columns, List<String> otherColumns, PageRequest request) {
        String direction = request.ascending() ? "ASC" : "DESC";
        return "SELECT * FROM (" + sql(table, columns, request) + ") AS owned UNION ALL SELECT * FROM ("
                + sql(table, otherColumns, request) + ") AS offered ORDER BY created_ms " + direction + ", cert_id "
                + direction + " LIMIT ?";
    }
}
