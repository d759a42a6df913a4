package dev.certreg.store.jdbc;

import dev.certreg.core.AttributeFilter;
import dev.certreg.core.Page;
import dev.certreg.core.Scope;
import dev.certreg.core.Thing;
import dev.certreg.core.ThingAttachment;
import dev.certreg.core.ThingPrincipalType;
import dev.certreg.core.ThingStore;
import dev.certreg.store.jdbc.internal.RegistryQueries;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link ThingStore} SPI in SQL. Attributes are rows of {@code thing_attributes} (indexed for ListThings'
 * filters); attachments are rows of {@code thing_principals}, with foreign keys to the thing and the certificate.
 *
 * <p>A write that depends on another row first locks that row with a no-op update ({@code SET version = version}),
 * which both SQLite (one writer) and PostgreSQL (a row lock until commit) honour: an attachment locks its thing and
 * its certificate, a thing or certificate delete locks its own row, so a delete and an attach of the same row run one
 * after the other, and the second sees what the first committed. Thread-safe.
 */
final class JdbcThingStore implements ThingStore {
    private static final String SCOPE = ScopedSql.SCOPE;
    private static final String THING = SCOPE + " AND thing_name = :thing_name";

    private final Work work;

    JdbcThingStore(Work work) {
        this.work = work;
    }

    private static Sql thing(String sql, Scope scope, String thingName) {
        return ScopedSql.of(sql, scope).bind("thing_name", thingName);
    }

    @Override
    public boolean insertThing(Thing thing) {
        Columns row = new Columns()
                .set("account", thing.scope().account())
                .set("region", thing.scope().region())
                .set("thing_name", thing.thingName())
                .set("thing_id", thing.thingId())
                .set("thing_type", thing.thingTypeName())
                .set("version", thing.version());
        return work.write(c -> {
            boolean inserted = Sql.of("INSERT INTO things " + row.insert() + " ON CONFLICT DO NOTHING").bind(row)
                    .update(c) == 1;
            if (inserted) {
                insertAttributes(c, thing);
            }
            return inserted;
        });
    }

    private static void insertAttributes(Connection c, Thing thing) throws SQLException {
        for (Map.Entry<String, String> attribute : thing.attributes().entrySet()) {
            Columns row = new Columns()
                    .set("account", thing.scope().account())
                    .set("region", thing.scope().region())
                    .set("thing_name", thing.thingName())
                    .set("attr_name", attribute.getKey())
                    .set("attr_value", attribute.getValue());
            Sql.of("INSERT INTO thing_attributes " + row.insert()).bind(row).update(c);
        }
    }

    @Override
    public Optional<Thing> findThing(Scope scope, String thingName) {
        // One statement, so that the thing and its attributes are read as of one commit.
        List<Thing> things = work.read(c -> fold(scope, thing("SELECT t.thing_name, t.thing_id, t.thing_type, "
                + "t.version, a.attr_name, a.attr_value FROM things t LEFT JOIN thing_attributes a ON "
                + "a.account = t.account AND a.region = t.region AND a.thing_name = t.thing_name WHERE "
                + "t.account = :account AND t.region = :region AND t.thing_name = :thing_name ORDER BY a.attr_name",
                scope, thingName).query(c, ThingRow::of)));
        return things.stream().findFirst();
    }

    @Override
    public boolean replaceThing(Thing thing, long expectedVersion) {
        Columns changed = new Columns().set("thing_type", thing.thingTypeName()).set("version", thing.version());
        return work.write(c -> {
            if (thing("UPDATE things SET " + changed.assignments() + " WHERE " + THING
                    + " AND version = :expected_version", thing.scope(), thing.thingName()).bind(changed)
                    .bind("expected_version", expectedVersion).update(c) == 0) {
                return false;
            }
            thing("DELETE FROM thing_attributes WHERE " + THING, thing.scope(), thing.thingName()).update(c);
            insertAttributes(c, thing);
            return true;
        });
    }

    @Override
    public boolean deleteThing(Scope scope, String thingName, long expectedVersion) {
        return work.write(c -> {
            if (thing("UPDATE things SET version = version WHERE " + THING + " AND version = :expected_version",
                    scope, thingName).bind("expected_version", expectedVersion).update(c) == 0) {
                return false;
            }
            if (thing("SELECT 1 FROM thing_principals WHERE " + THING, scope, thingName).queryOne(c, rs -> 1)
                    .isPresent()) {
                return false;
            }
            return thing("DELETE FROM things WHERE " + THING, scope, thingName).update(c) == 1;
        });
    }

    @Override
    public Page<Thing> listThings(Scope scope, AttributeFilter filter, Optional<String> after, int limit) {
        Sql sql = RegistryQueries.bindPage(RegistryQueries.bindFilter(
                ScopedSql.of(RegistryQueries.things(filter, after.isPresent()), scope), filter), after, limit);
        List<Thing> things = work.read(c -> fold(scope, sql.query(c, ThingRow::of)));
        boolean hasMore = things.size() > limit;
        return new Page<>(hasMore ? things.subList(0, limit) : things, hasMore);
    }

    @Override
    public boolean attachPrincipal(Scope scope, String thingName, String certificateId, ThingPrincipalType type,
            Instant attachedAt) {
        return work.write(c -> {
            if (thing("UPDATE things SET version = version WHERE " + THING, scope, thingName).update(c) == 0) {
                return false;
            }
            if (ScopedSql.of("UPDATE device_certificates SET customer_version = customer_version WHERE " + SCOPE
                    + " AND cert_id = :cert_id", scope).bind("cert_id", certificateId).update(c) == 0) {
                return false;
            }
            String others = "SELECT 1 FROM thing_principals WHERE " + SCOPE + " AND cert_id = :cert_id AND "
                    + "thing_name <> :thing_name" + (type == ThingPrincipalType.EXCLUSIVE_THING
                            ? "" : " AND principal_type = 'EXCLUSIVE_THING'");
            if (thing(others, scope, thingName).bind("cert_id", certificateId).queryOne(c, rs -> 1).isPresent()) {
                return false;
            }
            Columns row = new Columns()
                    .set("account", scope.account())
                    .set("region", scope.region())
                    .set("thing_name", thingName)
                    .set("cert_id", certificateId)
                    .set("principal_type", type)
                    .set("attached_ms", attachedAt.toEpochMilli());
            Sql.of("INSERT INTO thing_principals " + row.insert() + " ON CONFLICT DO NOTHING").bind(row).update(c);
            return true;
        });
    }

    @Override
    public boolean detachPrincipal(Scope scope, String thingName, String certificateId) {
        return work.write(c -> thing("DELETE FROM thing_principals WHERE " + THING + " AND cert_id = :cert_id",
                scope, thingName).bind("cert_id", certificateId).update(c) == 1);
    }

    @Override
    public Page<ThingAttachment> listThingPrincipals(
            Scope scope, String thingName, ThingPrincipalType type, Optional<String> after, int limit) {
        return attachments(ScopedSql.of(RegistryQueries.thingPrincipals(type != null, after.isPresent()), scope)
                .bind("thing_name", thingName), type, after, limit);
    }

    @Override
    public Page<ThingAttachment> listPrincipalThings(
            Scope scope, String certificateId, ThingPrincipalType type, Optional<String> after, int limit) {
        return attachments(ScopedSql.of(RegistryQueries.principalThings(type != null, after.isPresent()), scope)
                .bind("cert_id", certificateId), type, after, limit);
    }

    private Page<ThingAttachment> attachments(Sql sql, ThingPrincipalType type, Optional<String> after, int limit) {
        if (type != null) {
            sql.bind("principal_type", type);
        }
        RegistryQueries.bindPage(sql, after, limit);
        List<ThingAttachment> rows = work.read(c -> sql.query(c, rs -> new ThingAttachment(rs.getString(1),
                rs.getString(2), ThingPrincipalType.valueOf(rs.getString(3)))));
        boolean hasMore = rows.size() > limit;
        return new Page<>(hasMore ? rows.subList(0, limit) : rows, hasMore);
    }

    /** Things from rows that each carry one of their attributes (or none), in row order. */
    private static List<Thing> fold(Scope scope, List<ThingRow> rows) {
        Map<String, List<ThingRow>> byName = new LinkedHashMap<>();
        rows.forEach(row -> byName.computeIfAbsent(row.thingName(), k -> new ArrayList<>()).add(row));
        List<Thing> things = new ArrayList<>();
        for (List<ThingRow> group : byName.values()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            group.stream().filter(row -> row.attrName() != null)
                    .forEach(row -> attributes.put(row.attrName(), row.attrValue()));
            ThingRow first = group.get(0);
            things.add(new Thing(scope, first.thingName(), first.thingId(), first.thingType(), attributes,
                    first.version()));
        }
        return things;
    }

    /** One row of a thing joined with one of its attributes. */
    private record ThingRow(String thingName, String thingId, String thingType, long version, String attrName,
            String attrValue) {
        static ThingRow of(ResultSet rs) throws SQLException {
            return new ThingRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                    rs.getString(6));
        }
    }
}
