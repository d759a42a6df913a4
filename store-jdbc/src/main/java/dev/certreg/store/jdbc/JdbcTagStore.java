package dev.certreg.store.jdbc;

import dev.certreg.core.Page;
import dev.certreg.core.Scope;
import dev.certreg.core.Tag;
import dev.certreg.core.TagStore;
import dev.certreg.store.jdbc.internal.RegistryQueries;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link TagStore} SPI in SQL: one row per (scope, resource ARN, key) in {@code resource_tags}. A tag write first
 * upserts the resource's row in {@code tagged_resources}, which locks it until the transaction ends, so the count
 * that decides the limit cannot be raced by another write to the same resource on any node. Thread-safe.
 */
final class JdbcTagStore implements TagStore {
    private static final String RESOURCE = "account = :account AND region = :region AND resource_arn = :resource_arn";

    private final Work work;

    JdbcTagStore(Work work) {
        this.work = work;
    }

    private static Sql resource(String sql, Scope scope, String resourceArn) {
        return ScopedSql.of(sql, scope).bind("resource_arn", resourceArn);
    }

    @Override
    public boolean putTags(Scope scope, String resourceArn, List<Tag> tags, int maxTags) {
        return work.write(c -> {
            lockResource(c, scope, resourceArn);
            Set<String> keys = new HashSet<>(resource("SELECT tag_key FROM resource_tags WHERE " + RESOURCE, scope,
                    resourceArn).query(c, rs -> rs.getString(1)));
            tags.forEach(tag -> keys.add(tag.key()));
            if (keys.size() > maxTags) {
                return false;
            }
            for (Tag tag : tags) {
                Columns row = tagColumns(scope, resourceArn, tag);
                Sql.of("INSERT INTO resource_tags " + row.insert() + " ON CONFLICT (account, region, resource_arn, "
                        + "tag_key) DO UPDATE SET tag_value = excluded.tag_value").bind(row).update(c);
            }
            return true;
        });
    }

    private static Columns tagColumns(Scope scope, String resourceArn, Tag tag) {
        return new Columns()
                .set("account", scope.account())
                .set("region", scope.region())
                .set("resource_arn", resourceArn)
                .set("tag_key", tag.key())
                .set("tag_value", tag.value());
    }

    /** Writes the tags of a resource created in the same transaction, replacing any left by an earlier namesake. */
    static void insertTags(Connection c, Scope scope, String resourceArn, List<Tag> tags) throws SQLException {
        deleteTags(c, scope, resourceArn);
        for (Tag tag : tags) {
            Columns row = tagColumns(scope, resourceArn, tag);
            Sql.of("INSERT INTO resource_tags " + row.insert()).bind(row).update(c);
        }
    }

    private static void lockResource(Connection c, Scope scope, String resourceArn) throws SQLException {
        resource("INSERT INTO tagged_resources (account, region, resource_arn, tag_writes) VALUES (:account, "
                + ":region, :resource_arn, 1) ON CONFLICT (account, region, resource_arn) DO UPDATE SET "
                + "tag_writes = tagged_resources.tag_writes + 1", scope, resourceArn).update(c);
    }

    @Override
    public void removeTags(Scope scope, String resourceArn, Collection<String> keys) {
        work.write(c -> {
            lockResource(c, scope, resourceArn);
            for (String key : keys) {
                resource("DELETE FROM resource_tags WHERE " + RESOURCE + " AND tag_key = :tag_key", scope,
                        resourceArn).bind("tag_key", key).update(c);
            }
            return null;
        });
    }

    @Override
    public void deleteTags(Scope scope, String resourceArn) {
        work.write(c -> {
            deleteTags(c, scope, resourceArn);
            return null;
        });
    }

    /** Deletes a resource's tags inside a transaction that deletes (or recreates) the resource. */
    static void deleteTags(Connection c, Scope scope, String resourceArn) throws SQLException {
        resource("DELETE FROM resource_tags WHERE " + RESOURCE, scope, resourceArn).update(c);
        resource("DELETE FROM tagged_resources WHERE " + RESOURCE, scope, resourceArn).update(c);
    }

    @Override
    public Page<Tag> listTags(Scope scope, String resourceArn, Optional<String> after, int limit) {
        List<Tag> rows = work.read(c -> RegistryQueries.bindPage(resource(RegistryQueries.tags(after.isPresent()),
                scope, resourceArn), after, limit).query(c, rs -> new Tag(rs.getString(1), rs.getString(2))));
        boolean hasMore = rows.size() > limit;
        return new Page<>(hasMore ? rows.subList(0, limit) : rows, hasMore);
    }
}
