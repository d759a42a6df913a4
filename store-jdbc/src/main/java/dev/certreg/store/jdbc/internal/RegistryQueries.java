package dev.certreg.store.jdbc.internal;

import dev.certreg.core.AttributeFilter;
import dev.certreg.store.jdbc.Sql;
import java.util.Optional;

/**
 * The SQL of the name-ordered list pages (tags, things, thing–principal attachments): equality filters on an index's
 * leading columns, then {@code name > :after} on the index's next column, so a page is one range read of a covering
 * index that is already in list order. Each reads {@code :limit} rows, one more than the page holds, to learn whether
 * more follow. Every statement binds the scope as {@code :account} and {@code :region}. Stateless.
 */
public final class RegistryQueries {
    private static final String SCOPE = "account = :account AND region = :region";

    private RegistryQueries() {}

    /** One resource's tags: binds {@code :resource_arn}, then {@link #bindPage}. */
    public static String tags(boolean after) {
        return "SELECT tag_key, tag_value FROM resource_tags WHERE " + SCOPE + " AND resource_arn = :resource_arn"
                + (after ? " AND tag_key > :after" : "") + " ORDER BY tag_key LIMIT :limit";
    }

    /**
     * The names of one page of things, filtered on {@code filter} unless it is null: binds {@code :attr_name}, and
     * {@code :attr_value} (or, for a prefix, {@code :prefix_length} and {@code :attr_value}) when the filter has a
     * value; then {@link #bindPage}. Exact values read the {@code thing_attributes_by_value} range; a name alone or a
     * prefix reads the {@code thing_attributes_by_name} range of that attribute, comparing values in the index.
     */
    public static String thingNames(AttributeFilter filter, boolean after) {
        String page = (after ? " AND thing_name > :after" : "") + " ORDER BY thing_name LIMIT :limit";
        if (filter == null) {
            return "SELECT thing_name FROM things WHERE " + SCOPE + page;
        }
        String value = filter.value() == null
                ? ""
                : filter.prefix()
                        ? " AND substr(attr_value, 1, :prefix_length) = :attr_value"
                        : " AND attr_value = :attr_value";
        return "SELECT thing_name FROM thing_attributes WHERE " + SCOPE + " AND attr_name = :attr_name" + value
                + page;
    }

    /**
     * The things named by {@link #thingNames} with their attributes, one row per attribute (or one with null
     * attribute columns), in name then attribute order; bound as {@link #thingNames}.
     */
    public static String things(AttributeFilter filter, boolean after) {
        return "SELECT t.thing_name, t.thing_id, t.thing_type, t.version, a.attr_name, a.attr_value FROM ("
                + thingNames(filter, after) + ") AS page JOIN things t ON t.account = :account AND "
                + "t.region = :region AND t.thing_name = page.thing_name LEFT JOIN thing_attributes a ON "
                + "a.account = t.account AND a.region = t.region AND a.thing_name = t.thing_name "
                + "ORDER BY t.thing_name, a.attr_name";
    }

    /** Binds the filter of {@link #thingNames}. */
    public static Sql bindFilter(Sql sql, AttributeFilter filter) {
        if (filter != null) {
            sql.bind("attr_name", filter.name());
            if (filter.value() != null) {
                sql.bind("attr_value", filter.value());
                if (filter.prefix()) {
                    sql.bind("prefix_length", filter.value().length());
                }
            }
        }
        return sql;
    }

    /**
     * The certificates attached to one thing: binds {@code :thing_name} and, if {@code typed},
     * {@code :principal_type}; then {@link #bindPage}.
     */
    public static String thingPrincipals(boolean typed, boolean after) {
        return "SELECT thing_name, cert_id, principal_type FROM thing_principals WHERE " + SCOPE
                + " AND thing_name = :thing_name" + (typed ? " AND principal_type = :principal_type" : "")
                + (after ? " AND cert_id > :after" : "") + " ORDER BY cert_id LIMIT :limit";
    }

    /**
     * The things one certificate is attached to: binds {@code :cert_id} and, if {@code typed},
     * {@code :principal_type}; then {@link #bindPage}.
     */
    public static String principalThings(boolean typed, boolean after) {
        return "SELECT thing_name, cert_id, principal_type FROM thing_principals WHERE " + SCOPE
                + " AND cert_id = :cert_id" + (typed ? " AND principal_type = :principal_type" : "")
                + (after ? " AND thing_name > :after" : "") + " ORDER BY thing_name LIMIT :limit";
    }

    /** Binds the name after which the page starts, if any, and the row limit ({@code limit + 1}). */
    public static Sql bindPage(Sql sql, Optional<String> after, int limit) {
        after.ifPresent(name -> sql.bind("after", name));
        return sql.bind("limit", limit + 1);
    }
}
