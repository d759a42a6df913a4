package dev.certreg.store.jdbc;

import dev.certreg.core.AttachedPolicy;
import dev.certreg.core.NamedPageRequest;
import dev.certreg.core.NamedPosition;
import dev.certreg.core.NewVersion;
import dev.certreg.core.Page;
import dev.certreg.core.Policy;
import dev.certreg.core.PolicyStore;
import dev.certreg.core.PolicyVersion;
import dev.certreg.core.PolicyWrite;
import dev.certreg.core.Scope;
import dev.certreg.store.jdbc.internal.KeysetQuery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@link PolicyStore} SPI in SQL, over the {@link Database} of a {@link JdbcCertificateStore}. Every write first
 * takes the rows its decision rests on (the certificate's, then the policy's) with an update, which PostgreSQL
 * locks until commit and SQLite's single writer serialises anyway, and only then reads the counters and decides.
 * Certificates are always taken before policies, so two writers never wait on each other in a cycle. Thread-safe.
 */
final class JdbcPolicyStore implements PolicyStore {
    private static final String SCOPE = ScopedSql.SCOPE;
    private static final String POLICY_KEY = " WHERE " + SCOPE + " AND policy_name = :policy_name";
    private static final String CERTIFICATE_KEY = " WHERE " + SCOPE + " AND cert_id = :cert_id";
    private static final String VERSIONS = "SELECT v.version_id, v.document, v.created_ms, "
            + "v.version_id = p.default_version AS is_default FROM policy_versions v JOIN policies p ON p.account = "
            + "v.account AND p.region = v.region AND p.policy_name = v.policy_name WHERE v.account = :account AND "
            + "v.region = :region AND v.policy_name = :policy_name";

    private final Work work;

    JdbcPolicyStore(Work work) {
        this.work = work;
    }

    /** The counters of a policy row, read while the row is held. */
    private record Counters(long defaultVersion, long lastVersion, int versionCount, int targetCount) {}

    private static Sql policy(String sql, Scope scope, String name) {
        return ScopedSql.of(sql, scope).bind("policy_name", name);
    }

    @Override
    public boolean insertPolicy(Policy p) {
        Columns row = new Columns().set("account", p.scope().account()).set("region", p.scope().region())
                .set("policy_name", p.name()).set("default_version", 1L).set("last_version", 1L)
                .set("version_count", 1).set("target_count", 0).set("created_ms", p.creationDate().toEpochMilli())
                .set("modified_ms", p.lastModifiedDate().toEpochMilli()).set("generation_id", p.generationId());
        return work.write(c -> {
            boolean inserted = Sql.of("INSERT INTO policies " + row.insert() + " ON CONFLICT DO NOTHING").bind(row)
                    .update(c) == 1;
            if (inserted) {
                insertVersion(c, p.scope(), p.name(), 1, p.document(), p.creationDate());
            }
            return inserted;
        });
    }

    private static void insertVersion(Connection c, Scope s, String name, long versionId, String document,
            Instant created) throws SQLException {
        Columns row = new Columns().set("account", s.account()).set("region", s.region()).set("policy_name", name)
                .set("version_id", versionId).set("document", document).set("created_ms", created.toEpochMilli());
        Sql.of("INSERT INTO policy_versions " + row.insert()).bind(row).update(c);
    }

    @Override
    public Optional<Policy> findPolicy(Scope s, String name) {
        return work.read(c -> policy("SELECT p.default_version, p.created_ms, p.modified_ms, p.generation_id, "
                + "v.document FROM policies p JOIN policy_versions v ON v.account = p.account AND "
                + "v.region = p.region AND v.policy_name = p.policy_name AND v.version_id = p.default_version "
                + "WHERE p.account = :account AND p.region = :region AND p.policy_name = :policy_name", s, name)
                .queryOne(c, rs -> new Policy(s, name, rs.getLong("default_version"), rs.getString("document"),
                        Instant.ofEpochMilli(rs.getLong("created_ms")),
                        Instant.ofEpochMilli(rs.getLong("modified_ms")), rs.getString("generation_id"))));
    }

    @Override
    public PolicyWrite deletePolicy(Scope s, String name) {
        return work.write(c -> {
            Optional<Counters> held = holdPolicy(c, s, name);
            if (held.isEmpty()) {
                return PolicyWrite.NO_POLICY;
            }
            if (held.get().targetCount() > 0) {
                return PolicyWrite.ATTACHED;
            }
            if (held.get().versionCount() > 1) {
                return PolicyWrite.EXTRA_VERSIONS;
            }
            policy("DELETE FROM policy_versions" + POLICY_KEY, s, name).update(c);
            policy("DELETE FROM policies" + POLICY_KEY, s, name).update(c);
            // A policy created again under this name starts with no tags.
            JdbcTagStore.deleteTags(c, s, Policy.arn(s, name));
            return PolicyWrite.DONE;
        });
    }

    @Override
    public Page<NamedPosition> listPolicies(Scope s, NamedPageRequest request) {
        return page(
                ScopedSql.of(KeysetQuery.named("policies", List.of(SCOPE), "created_ms", "policy_name", request), s),
                request);
    }

    @Override
    public NewVersion createPolicyVersion(Scope s, String name, String document, boolean setAsDefault,
            Instant now, String generationId, int maxVersions) {
        return work.write(c -> {
            Optional<Counters> held = holdPolicy(c, s, name);
            if (held.isEmpty()) {
                return new NewVersion(PolicyWrite.NO_POLICY, 0);
            }
            Counters counters = held.get();
            if (counters.versionCount() >= maxVersions) {
                return new NewVersion(PolicyWrite.VERSIONS_LIMIT, 0);
            }
            long id = counters.lastVersion() + 1;
            Columns changed = new Columns().set("last_version", id).set("version_count", counters.versionCount() + 1)
                    .set("default_version", setAsDefault ? id : counters.defaultVersion())
                    .set("modified_ms", now.toEpochMilli()).set("generation_id", generationId);
            policy("UPDATE policies SET " + changed.assignments() + POLICY_KEY, s, name).bind(changed).update(c);
            insertVersion(c, s, name, id, document, now);
            return new NewVersion(PolicyWrite.DONE, id);
        });
    }

    @Override
    public Optional<PolicyVersion> findPolicyVersion(Scope s, String name, long versionId) {
        return work.read(c -> policy(VERSIONS + " AND v.version_id = :version_id", s, name)
                .bind("version_id", versionId).queryOne(c, JdbcPolicyStore::version));
    }

    @Override
    public List<PolicyVersion> listPolicyVersions(Scope s, String name) {
        return work.read(c -> policy(VERSIONS + " ORDER BY v.version_id DESC", s, name)
                .query(c, JdbcPolicyStore::version));
    }

    private static PolicyVersion version(ResultSet rs) throws SQLException {
        return new PolicyVersion(rs.getLong("version_id"), rs.getString("document"), rs.getBoolean("is_default"),
                Instant.ofEpochMilli(rs.getLong("created_ms")));
    }

    @Override
    public PolicyWrite setDefaultPolicyVersion(Scope s, String name, long versionId, Instant now,
            String generationId) {
        return work.write(c -> onVersion(c, s, name, versionId, held -> {
            if (held.defaultVersion() != versionId) {
                Columns changed = new Columns().set("default_version", versionId)
                        .set("modified_ms", now.toEpochMilli()).set("generation_id", generationId);
                policy("UPDATE policies SET " + changed.assignments() + POLICY_KEY, s, name).bind(changed).update(c);
            }
            return PolicyWrite.DONE;
        }));
    }

    /** A write to one version of a policy, given the policy's counters while its row is held. */
    private interface VersionWrite {
        PolicyWrite apply(Counters held) throws SQLException;
    }

    /** Holds the policy's row and runs {@code write} if the policy has version {@code versionId}. */
    private static PolicyWrite onVersion(Connection c, Scope s, String name, long versionId, VersionWrite write)
            throws SQLException {
        Optional<Counters> held = holdPolicy(c, s, name);
        if (held.isEmpty()) {
            return PolicyWrite.NO_POLICY;
        }
        boolean versionExists = policy("SELECT 1 FROM policy_versions" + POLICY_KEY + " AND version_id = :version_id",
                s, name).bind("version_id", versionId).queryOne(c, rs -> true).isPresent();
        return versionExists ? write.apply(held.get()) : PolicyWrite.NO_VERSION;
    }

    @Override
    public PolicyWrite deletePolicyVersion(Scope s, String name, long versionId, Instant now, String generationId) {
        return work.write(c -> onVersion(c, s, name, versionId, held -> {
            if (held.defaultVersion() == versionId) {
                return PolicyWrite.DEFAULT_VERSION;
            }
            policy("DELETE FROM policy_versions" + POLICY_KEY + " AND version_id = :version_id", s, name)
                    .bind("version_id", versionId).update(c);
            Columns changed = new Columns().set("version_count", held.versionCount() - 1)
                    .set("modified_ms", now.toEpochMilli()).set("generation_id", generationId);
            policy("UPDATE policies SET " + changed.assignments() + POLICY_KEY, s, name).bind(changed).update(c);
            return PolicyWrite.DONE;
        }));
    }

    @Override
    public PolicyWrite attachPolicy(Scope s, String name, String certificateId, String targetArn, Instant now,
            int maxPolicies) {
        return work.write(c -> {
            Optional<Integer> policyCount = holdCertificate(c, s, certificateId);
            if (policyCount.isEmpty()) {
                return PolicyWrite.NO_TARGET;
            }
            if (holdPolicy(c, s, name).isEmpty()) {
                return PolicyWrite.NO_POLICY;
            }
            if (attached(c, s, name, targetArn)) {
                return PolicyWrite.DONE;
            }
            if (policyCount.get() >= maxPolicies) {
                return PolicyWrite.TARGET_LIMIT;
            }
            Columns row = new Columns().set("account", s.account()).set("region", s.region())
                    .set("policy_name", name).set("target", targetArn).set("attached_ms", now.toEpochMilli());
            Sql.of("INSERT INTO policy_attachments " + row.insert()).bind(row).update(c);
            countAttachment(c, s, name, certificateId, 1);
            return PolicyWrite.DONE;
        });
    }

    @Override
    public boolean detachPolicy(Scope s, String name, String certificateId, String targetArn) {
        return work.write(c -> {
            if (holdCertificate(c, s, certificateId).isEmpty() || holdPolicy(c, s, name).isEmpty()) {
                return false;
            }
            if (policy("DELETE FROM policy_attachments" + POLICY_KEY + " AND target = :target", s, name)
                    .bind("target", targetArn).update(c) == 0) {
                return false;
            }
            countAttachment(c, s, name, certificateId, -1);
            return true;
        });
    }

    private static boolean attached(Connection c, Scope s, String name, String targetArn) throws SQLException {
        return policy("SELECT 1 FROM policy_attachments" + POLICY_KEY + " AND target = :target", s, name)
                .bind("target", targetArn).queryOne(c, rs -> true).isPresent();
    }

    private static void countAttachment(Connection c, Scope s, String name, String certificateId, int change)
            throws SQLException {
        ScopedSql.of("UPDATE device_certificates SET policy_count = policy_count + :change" + CERTIFICATE_KEY, s)
                .bind("change", change).bind("cert_id", certificateId).update(c);
        policy("UPDATE policies SET target_count = target_count + :change" + POLICY_KEY, s, name)
                .bind("change", change).update(c);
    }

    /**
     * Detaches every policy from a certificate being deleted, in the deleting transaction, which already holds the
     * certificate's row: the policies are taken in name order, so two such deletes never wait on each other in a
     * cycle.
     */
    static void detachAll(Connection c, Scope s, String targetArn) throws SQLException {
        List<String> names = ScopedSql.of("SELECT policy_name FROM policy_attachments WHERE " + SCOPE
                + " AND target = :target ORDER BY policy_name", s).bind("target", targetArn)
                .query(c, rs -> rs.getString(1));
        for (String name : names) {
            policy("UPDATE policies SET target_count = target_count - 1" + POLICY_KEY, s, name).update(c);
            policy("DELETE FROM policy_attachments" + POLICY_KEY + " AND target = :target", s, name)
                    .bind("target", targetArn).update(c);
        }
    }

    @Override
    public Page<NamedPosition> listTargetsForPolicy(Scope s, String name, NamedPageRequest request) {
        return page(policy(KeysetQuery.named("policy_attachments", List.of(SCOPE, "policy_name = :policy_name"),
                "attached_ms", "target", request), s, name), request);
    }

    @Override
    public Page<NamedPosition> listAttachedPolicies(Scope s, String targetArn, NamedPageRequest request) {
        return page(ScopedSql.of(KeysetQuery.named("policy_attachments", List.of(SCOPE, "target = :target"),
                "attached_ms", "policy_name", request), s).bind("target", targetArn), request);
    }

    @Override
    public List<AttachedPolicy> attachedPolicies(Scope s, String targetArn) {
        return work.read(c -> ScopedSql.of("SELECT a.policy_name, v.document FROM policy_attachments a "
                + "JOIN policies p ON p.account = a.account AND p.region = a.region AND p.policy_name = a.policy_name "
                + "JOIN policy_versions v ON v.account = p.account AND v.region = p.region "
                + "AND v.policy_name = p.policy_name AND v.version_id = p.default_version "
                + "WHERE a.account = :account AND a.region = :region AND a.target = :target "
                + "ORDER BY a.attached_ms, a.policy_name", s)
                .bind("target", targetArn).query(c, rs -> new AttachedPolicy(rs.getString(1), rs.getString(2))));
    }

    /** Takes the policy's row for this transaction and reads its counters; empty if there is no such policy. */
    private static Optional<Counters> holdPolicy(Connection c, Scope s, String name) throws SQLException {
        if (policy("UPDATE policies SET target_count = target_count" + POLICY_KEY, s, name).update(c) == 0) {
            return Optional.empty();
        }
        return policy("SELECT default_version, last_version, version_count, target_count FROM policies"
                + POLICY_KEY, s, name).queryOne(c,
                        rs -> new Counters(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4)));
    }

    /** Takes the certificate's row for this transaction and reads its policy count; empty if there is none. */
    private static Optional<Integer> holdCertificate(Connection c, Scope s, String certificateId)
            throws SQLException {
        if (ScopedSql.of("UPDATE device_certificates SET policy_count = policy_count" + CERTIFICATE_KEY, s)
                .bind("cert_id", certificateId).update(c) == 0) {
            return Optional.empty();
        }
        return ScopedSql.of("SELECT policy_count FROM device_certificates" + CERTIFICATE_KEY, s)
                .bind("cert_id", certificateId).queryOne(c, rs -> rs.getInt(1));
    }

    private Page<NamedPosition> page(Sql sql, NamedPageRequest request) {
        List<NamedPosition> rows = work.read(c -> KeysetQuery.bindNamedPage(sql, request)
                .query(c, rs -> new NamedPosition(rs.getLong(1), rs.getString(2))));
        boolean hasMore = rows.size() > request.limit();
        return new Page<>(hasMore ? rows.subList(0, request.limit()) : rows, hasMore);
    }
}
