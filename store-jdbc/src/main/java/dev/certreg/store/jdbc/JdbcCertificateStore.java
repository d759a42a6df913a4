package dev.certreg.store.jdbc;

import dev.certreg.core.CaCertificate;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.CaInsertOutcome;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.Page;
import dev.certreg.core.PageRequest;
import dev.certreg.core.PolicyStore;
import dev.certreg.core.RegistrationConfig;
import dev.certreg.core.Scope;
import dev.certreg.core.TagStore;
import dev.certreg.core.ThingStore;
import dev.certreg.core.TransferData;
import dev.certreg.core.x509.SignedPart;
import dev.certreg.store.jdbc.internal.KeysetQuery;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link CertificateStore} SPI in SQL, over the {@link Database} a subclass supplies. Duplicates are refused by
 * the schema's unique keys ({@code INSERT ... ON CONFLICT DO NOTHING}, then the update count) and changes are
 * conditional on the stored customer version, so racing writers, in one process or many, get exactly one winner.
 * A write returns once its transaction is durable. Failures are thrown as {@link StoreException}, or as
 * ServiceUnavailableException when the database {@linkplain Database#unavailable cannot serve for now}. Thread-safe.
 *
 * <p>Every statement binds its values by name through {@link Sql}, and every written row is a {@link Columns}, so
 * each column stands next to its value: see {@code caColumns} and {@code replaceDeviceCertificate} for an INSERT
 * and an UPDATE to copy. Scope-led tables bind the scope as {@code :account} and {@code :region}.
 */
public abstract class JdbcCertificateStore implements CertificateStore {
    private static final String SCOPE = ScopedSql.SCOPE;
    private static final int MAX_ATTEMPTS = 16;
    private static final String SELECT_CODE = "SELECT code FROM registration_codes WHERE " + SCOPE;
    private static final String INSERT_DEVICE = "INSERT INTO device_certificates ";
    /** Certificates whose pending offers one query looks up: two parameters each, far below SQLite's limit. */
    private static final int OFFER_CHECK_CHUNK = 256;

    private final Database db;
    private final Work work;
    private final PolicyStore policies;
    private final JdbcThingStore things;
    private final JdbcTagStore tags;

    /** A store over {@code db}, whose schema the subclass has already migrated; closing the store closes it. */
    protected JdbcCertificateStore(Database db) {
        this(db, new CompositeMeterRegistry());
    }

    /**
     * A store over {@code db} that times its reads and writes into {@code registry} as {@code certreg.store}
     * ({@code kind} read or write), a write including its wait for the commit.
     */
    protected JdbcCertificateStore(Database db, MeterRegistry registry) {
        this.db = db;
        Timer reads = storeTimer(registry, "read");
        Timer writes = storeTimer(registry, "write");
        this.work = new Work(db, reads, writes);
        this.policies = new JdbcPolicyStore(work);
        this.things = new JdbcThingStore(work);
        this.tags = new JdbcTagStore(work);
    }

    @Override
    public ThingStore things() {
        return things;
    }

    @Override
    public TagStore tags() {
        return tags;
    }

    private static Timer storeTimer(MeterRegistry registry, String kind) {
        return Timer.builder("certreg.store")
                .description("Time of one store read or write (a write until its commit is durable)")
                .tag("kind", kind)
                .serviceLevelObjectives(Duration.ofNanos(250_000), Duration.ofMillis(1), Duration.ofMillis(5),
                        Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(2))
                .register(registry);
    }

    @Override
    public String registrationCode(Scope scope, String candidate) {
        Optional<String> existing = findRegistrationCode(scope);
        if (existing.isPresent()) {
            return existing.get();
        }
        Columns row = new Columns().set("account", scope.account()).set("region", scope.region())
                .set("code", candidate);
        return write(c -> {
            boolean inserted = Sql.of("INSERT INTO registration_codes " + row.insert() + " ON CONFLICT DO NOTHING")
                    .bind(row).update(c) == 1;
            return inserted
                    ? candidate
                    : ScopedSql.of(SELECT_CODE, scope).queryOne(c, rs -> rs.getString(1)).orElseThrow();
        });
    }

    @Override
    public Optional<String> findRegistrationCode(Scope scope) {
        return read(c -> ScopedSql.of(SELECT_CODE, scope).queryOne(c, rs -> rs.getString(1)));
    }

    @Override
    public boolean deleteRegistrationCode(Scope scope) {
        return write(c -> ScopedSql.of("DELETE FROM registration_codes WHERE " + SCOPE, scope).update(c) == 1);
    }

    @Override
    public CaInsertOutcome insertCaCertificate(CaCertificate ca, int maxPerSubject) {
        Columns row = caColumns(ca);
        return write(c -> {
            db.lockUntilCommit(c, "ca_certificates subject " + ca.scope().account() + " " + ca.scope().region()
                    + " " + ca.subject());
            for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
                if (countBySubject(c, ca.scope(), ca.subject()) >= maxPerSubject) {
                    return whyNotInserted(c, ca).orElse(CaInsertOutcome.SUBJECT_LIMIT_REACHED);
                }
                if (Sql.of("INSERT INTO ca_certificates " + row.insert() + " ON CONFLICT DO NOTHING").bind(row)
                        .update(c) == 1) {
                    JdbcTagStore.insertTags(c, ca.scope(), ca.arn(), ca.tags());
                    return CaInsertOutcome.INSERTED;
                }
                Optional<CaInsertOutcome> refused = whyNotInserted(c, ca);
                if (refused.isPresent()) {
                    return refused.get();
                }
                // The row the insert clashed with was deleted before it could be read: try again.
            }
            throw new SQLException("A CA insert kept clashing with rows deleted before they could be read");
        });
    }

    private static int countBySubject(Connection c, Scope scope, String subject) throws SQLException {
        return ScopedSql.of("SELECT count(*) FROM ca_certificates WHERE " + SCOPE + " AND subject = :subject", scope)
                .bind("subject", subject).queryOne(c, rs -> rs.getInt(1)).orElseThrow();
    }

    /**
     * Which row, if any, a CA's insert clashes with, in the order the SPI documents. A row holding another spelling
     * of the same certificate ({@link SignedPart}) clashes as the same spelling does.
     */
    private static Optional<CaInsertOutcome> whyNotInserted(Connection c, CaCertificate ca) throws SQLException {
        String sameCertificate = " AND (cert_id = :cert_id OR tbs_sha256 = :tbs_sha256)";
        String tbs = SignedPart.sha256Hex(ca.certificatePem());
        if (ScopedSql.of("SELECT 1 FROM ca_certificates WHERE " + SCOPE + sameCertificate, ca.scope())
                .bind("cert_id", ca.certificateId()).bind("tbs_sha256", tbs).queryOne(c, rs -> true).isPresent()) {
            return Optional.of(CaInsertOutcome.ALREADY_IN_SCOPE);
        }
        if (ca.mode() == CertificateMode.DEFAULT && Sql.of("SELECT 1 FROM ca_certificates WHERE region = :region "
                + "AND mode = 'DEFAULT'" + sameCertificate).bind("region", ca.scope().region())
                .bind("cert_id", ca.certificateId()).bind("tbs_sha256", tbs).queryOne(c, rs -> true).isPresent()) {
            return Optional.of(CaInsertOutcome.DEFAULT_MODE_HELD_ELSEWHERE);
        }
        return Optional.empty();
    }

    /** A CA's row: each column next to its value. */
    private static Columns caColumns(CaCertificate ca) {
        return new Columns()
                .set("account", ca.scope().account())
                .set("region", ca.scope().region())
                .set("cert_id", ca.certificateId())
                .set("pem", ca.certificatePem())
                .set("tbs_sha256", SignedPart.sha256Hex(ca.certificatePem()))
                .set("subject", ca.subject())
                .set("mode", ca.mode())
                .set("not_before_ms", ca.validity().notBefore().toEpochMilli())
                .set("not_after_ms", ca.validity().notAfter().toEpochMilli())
                .set("created_ms", ca.audit().creationDate().toEpochMilli())
                .setAll(changedCaColumns(ca));
    }

    /** What an update of a CA may change. */
    private static Columns changedCaColumns(CaCertificate ca) {
        RegistrationConfig config = ca.registrationConfig();
        return new Columns()
                .set("status", ca.status())
                .set("auto_registration", ca.autoRegistrationStatus())
                .set("template_body", config == null ? null : config.templateBody())
                .set("role_arn", config == null ? null : config.roleArn())
                .set("template_name", config == null ? null : config.templateName())
                .set("modified_ms", ca.audit().lastModifiedDate().toEpochMilli())
                .set("customer_version", ca.audit().customerVersion())
                .set("generation_id", ca.audit().generationId());
    }

    @Override
    public Optional<CaCertificate> findCaCertificate(Scope scope, String certificateId) {
        // One statement, so that the CA and its tags are read as of one commit.
        return Rows.joinTags(read(c -> ScopedSql.of("SELECT ca.*, t.tag_key, t.tag_value FROM ca_certificates ca "
                + "LEFT JOIN resource_tags t ON t.account = ca.account AND t.region = ca.region AND "
                + "t.resource_arn = :resource_arn WHERE ca.account = :account AND ca.region = :region AND "
                + "ca.cert_id = :cert_id ORDER BY t.tag_key", scope)
                .bind("cert_id", certificateId).bind("resource_arn", scope.caCertificateArn(certificateId))
                .query(c, rs -> Rows.caCertificate(scope, rs, Rows.tagOfRow(rs)))));
    }

    @Override
    public List<CaCertificate> findCaCertificatesById(String certificateId) {
        return read(c -> Sql.of("SELECT * FROM ca_certificates WHERE cert_id = :cert_id").bind("cert_id", certificateId)
                .query(c, rs -> Rows.caCertificate(new Scope(rs.getString("account"), rs.getString("region")), rs,
                        List.of())));
    }

    @Override
    public List<CaCertificate> findCaCertificatesBySubject(Scope scope, String subject) {
        return read(c -> ScopedSql.of("SELECT * FROM ca_certificates WHERE " + SCOPE + " AND subject = :subject", scope)
                .bind("subject", subject).query(c, rs -> Rows.caCertificate(scope, rs, List.of())));
    }

    @Override
    public boolean replaceCaCertificate(CaCertificate ca, int expectedVersion) {
        Columns changed = changedCaColumns(ca);
        return write(c -> ScopedSql.of("UPDATE ca_certificates SET " + changed.assignments() + " WHERE " + SCOPE
                + " AND cert_id = :cert_id AND customer_version = :expected_version", ca.scope())
                .bind(changed).bind("cert_id", ca.certificateId()).bind("expected_version", expectedVersion)
                .update(c) == 1);
    }

    @Override
    public boolean deleteCaCertificate(Scope scope, String certificateId, int expectedVersion) {
        return write(c -> {
            boolean deleted = ScopedSql.of("DELETE FROM ca_certificates WHERE " + SCOPE + " AND cert_id = :cert_id AND "
                    + "customer_version = :expected_version", scope).bind("cert_id", certificateId)
                    .bind("expected_version", expectedVersion).update(c) == 1;
            if (deleted) {
                JdbcTagStore.deleteTags(c, scope, scope.caCertificateArn(certificateId));
            }
            return deleted;
        });
    }

    @Override
    public Page<ListedCertificate> listCaCertificates(Scope scope, String templateName, PageRequest request) {
        if (templateName == null) {
            return page(KeysetQuery.sql("ca_certificates", List.of(SCOPE), request), scope, request);
        }
        return page(KeysetQuery.sql("ca_certificates", List.of(SCOPE, "template_name = :template_name"), request),
                scope, request, "template_name", templateName);
    }

    @Override
    public boolean insertDeviceCertificate(DeviceCertificate d) {
        Columns row = deviceColumns(d, SignedPart.sha256Hex(d.certificatePem()));
        return write(c -> {
            String tbs = lockCertificate(c, d);
            if (isOfferedTo(c, d.scope().account(), d, tbs) || offersToAnOccupiedTarget(c, d, tbs)) {
                return false;
            }
            return Sql.of(INSERT_DEVICE + row.insert() + " ON CONFLICT DO NOTHING").bind(row).update(c) == 1;
        });
    }

    /**
     * One transaction for all: the certificates that offer no transfer, the usual case, are checked with one query
     * per {@link #OFFER_CHECK_CHUNK} and inserted in one JDBC batch per run between those that do, which go one by
     * one as {@link #insertDeviceCertificate} does, so that each is decided as in a sequence of single inserts.
     */
    @Override
    public List<Boolean> insertDeviceCertificates(List<DeviceCertificate> certificates) {
        if (certificates.isEmpty()) {
            return List.of();
        }
        // Digests and rows are made before the transaction: SQLite's one writer then runs only the SQL.
        List<String> digests = certificates.stream().map(d -> SignedPart.sha256Hex(d.certificatePem())).toList();
        List<Columns> rows = new ArrayList<>(certificates.size());
        Set<String> lockKeys = new HashSet<>();
        for (int i = 0; i < certificates.size(); i++) {
            rows.add(deviceColumns(certificates.get(i), digests.get(i)));
            lockKeys.add(lockKey(certificates.get(i), digests.get(i)));
        }
        String insert = INSERT_DEVICE + rows.get(0).insert() + " ON CONFLICT DO NOTHING";
        return write(c -> {
            db.lockAllUntilCommit(c, lockKeys);
            Boolean[] stored = new Boolean[certificates.size()];
            int runStart = 0;
            for (int i = 0; i <= certificates.size(); i++) {
                if (i < certificates.size() && certificates.get(i).transfer().targetAccount() == null) {
                    continue;
                }
                insertRun(c, insert, certificates.subList(runStart, i), digests.subList(runStart, i),
                        rows.subList(runStart, i), stored, runStart);
                if (i < certificates.size()) {
                    DeviceCertificate offering = certificates.get(i);
                    stored[i] = !isOfferedTo(c, offering.scope().account(), offering, digests.get(i))
                            && !offersToAnOccupiedTarget(c, offering, digests.get(i))
                            && Sql.of(insert).bind(rows.get(i)).update(c) == 1;
                }
                runStart = i + 1;
            }
            return List.of(stored);
        });
    }

    /** Inserts certificates that offer no transfer, each unless another account offers it to the owner. */
    private static void insertRun(Connection c, String insert, List<DeviceCertificate> run, List<String> digests,
            List<Columns> rows, Boolean[] stored, int offset) throws SQLException {
        if (run.isEmpty()) {
            return;
        }
        Set<String> offered = offeredTo(c, run, digests);
        List<Columns> insertable = new ArrayList<>(run.size());
        List<Integer> positions = new ArrayList<>(run.size());
        for (int i = 0; i < run.size(); i++) {
            DeviceCertificate d = run.get(i);
            String owner = d.scope().account() + " " + d.scope().region() + " ";
            if (offered.contains(owner + d.certificateId()) || offered.contains(owner + digests.get(i))) {
                stored[offset + i] = false;
            } else {
                insertable.add(rows.get(i));
                positions.add(offset + i);
            }
        }
        int[] counts = Sql.of(insert).updateEach(c, insertable);
        for (int i = 0; i < counts.length; i++) {
            stored[positions.get(i)] = counts[i] == 1;
        }
    }

    /**
     * Of {@code run}, the ids and digests that another account offers to the certificate's owner in its region, each
     * as "account region id-or-digest": {@link #isOfferedTo} for many certificates, one query per chunk.
     */
    private static Set<String> offeredTo(Connection c, List<DeviceCertificate> run, List<String> digests)
            throws SQLException {
        Set<String> offered = new HashSet<>();
        for (int first = 0; first < run.size(); first += OFFER_CHECK_CHUNK) {
            int end = Math.min(run.size(), first + OFFER_CHECK_CHUNK);
            StringBuilder ids = new StringBuilder();
            StringBuilder tbs = new StringBuilder();
            for (int i = first; i < end; i++) {
                ids.append(i == first ? "" : ", ").append(":id").append(i - first);
                tbs.append(i == first ? "" : ", ").append(":tbs").append(i - first);
            }
            Sql sql = Sql.of("SELECT transfer_target, region, cert_id, tbs_sha256 FROM device_certificates WHERE "
                    + "transfer_target IS NOT NULL AND transfer_target <> account AND (cert_id IN (" + ids
                    + ") OR tbs_sha256 IN (" + tbs + "))");
            for (int i = first; i < end; i++) {
                sql.bind("id" + (i - first), run.get(i).certificateId()).bind("tbs" + (i - first), digests.get(i));
            }
            sql.query(c, rs -> {
                String target = rs.getString(1) + " " + rs.getString(2) + " ";
                offered.add(target + rs.getString(3));
                return offered.add(target + rs.getString(4));
            });
        }
        return offered;
    }

    /** A device certificate's row: each column next to its value. */
    private static Columns deviceColumns(DeviceCertificate d, String tbs) {
        return new Columns()
                .set("account", d.scope().account())
                .set("region", d.scope().region())
                .set("cert_id", d.certificateId())
                .set("pem", d.certificatePem())
                .set("tbs_sha256", tbs)
                .set("ca_id", d.caCertificateId())
                .set("mode", d.mode())
                .set("not_before_ms", d.validity().notBefore().toEpochMilli())
                .set("not_after_ms", d.validity().notAfter().toEpochMilli())
                .set("created_ms", d.audit().creationDate().toEpochMilli())
                .setAll(changedDeviceColumns(d));
    }

    @Override
    public Optional<DeviceCertificate> findDeviceCertificate(Scope scope, String certificateId) {
        return read(c -> ScopedSql.of(
                "SELECT * FROM device_certificates WHERE " + SCOPE + " AND cert_id = :cert_id", scope)
                .bind("cert_id", certificateId).queryOne(c, rs -> Rows.deviceCertificate(scope, rs)));
    }

    @Override
    public List<DeviceCertificate> findDeviceCertificatesById(String certificateId) {
        return read(c -> Sql.of("SELECT * FROM device_certificates WHERE cert_id = :cert_id")
                .bind("cert_id", certificateId)
                .query(c, rs -> Rows.ownedDeviceCertificate(rs.getString("region"), rs)));
    }

    @Override
    public Optional<DeviceCertificate> findPendingTransfer(Scope target, String certificateId) {
        return read(c -> Sql.of("SELECT * FROM device_certificates WHERE transfer_target = :target AND "
                + "region = :region AND cert_id = :cert_id").bind("target", target.account())
                .bind("region", target.region()).bind("cert_id", certificateId)
                .queryOne(c, rs -> Rows.ownedDeviceCertificate(target.region(), rs)));
    }

    @Override
    public boolean replaceDeviceCertificate(DeviceCertificate d, int expectedVersion) {
        Columns changed = changedDeviceColumns(d);
        return write(c -> {
            if (d.transfer().targetAccount() != null) {
                String tbs = lockCertificate(c, d);
                if (offersToAnOccupiedTarget(c, d, tbs)) {
                    return false;
                }
            }
            // TransferCertificate (API reference): the certificate must have no policies attached; the count on
            // its row decides, so an attach racing with the offer lands first or after the offer is refused.
            String noPolicies = d.transfer().targetAccount() != null ? " AND policy_count = 0" : "";
            return ScopedSql.of("UPDATE device_certificates SET " + changed.assignments() + " WHERE " + SCOPE
                    + " AND cert_id = :cert_id AND customer_version = :expected_version" + noPolicies, d.scope())
                    .bind(changed).bind("cert_id", d.certificateId()).bind("expected_version", expectedVersion)
                    .update(c) == 1;
        });
    }

    @Override
    public boolean acceptDeviceCertificateTransfer(DeviceCertificate d, int expectedVersion) {
        Columns changed = new Columns().set("account", d.scope().account()).setAll(changedDeviceColumns(d));
        // The NOT EXISTS guard turns a clash with the target's own copy of the certificate, in either spelling, into
        // "nothing written" instead of a unique key violation; the caller re-reads and explains.
        return write(c -> {
            String tbs = lockCertificate(c, d);
            return Sql.of("UPDATE device_certificates SET " + changed.assignments() + " WHERE "
                    + "account = :source AND region = :region AND cert_id = :cert_id AND "
                    + "customer_version = :expected_version AND transfer_target = :account AND NOT EXISTS (SELECT 1 "
                    + "FROM device_certificates mine WHERE mine.account = :account AND mine.region = :region AND "
                    + "(mine.cert_id = :cert_id OR mine.tbs_sha256 = :tbs_sha256))")
                    .bind(changed)
                    .bind("source", d.transfer().previousOwner())
                    .bind("region", d.scope().region())
                    .bind("cert_id", d.certificateId())
                    .bind("tbs_sha256", tbs)
                    .bind("expected_version", expectedVersion)
                    .update(c) == 1;
        });
    }

    /**
     * Serializes the writes that decide who holds or is offered a device certificate in a region, in any of its
     * spellings ({@link SignedPart}): its insert, its offer and its acceptance. Under this lock, "the target holds no
     * copy" stays true until the write lands. Returns the certificate's signed-part digest.
     */
    private String lockCertificate(Connection c, DeviceCertificate d) throws SQLException {
        String tbs = SignedPart.sha256Hex(d.certificatePem());
        db.lockUntilCommit(c, lockKey(d, tbs));
        return tbs;
    }

    private static String lockKey(DeviceCertificate d, String tbs) {
        return "device_certificates " + d.scope().region() + " " + tbs;
    }

    /** Whether another account offers {@code d}, in any spelling, to {@code account} in {@code d}'s region. */
    private static boolean isOfferedTo(Connection c, String account, DeviceCertificate d, String tbs)
            throws SQLException {
        return Sql.of("SELECT 1 FROM device_certificates WHERE transfer_target = :target AND region = :region AND "
                + "(cert_id = :cert_id OR tbs_sha256 = :tbs_sha256) AND account <> :owner").bind("target", account)
                .bind("region", d.scope().region()).bind("cert_id", d.certificateId()).bind("tbs_sha256", tbs)
                .bind("owner", d.scope().account()).queryOne(c, rs -> true).isPresent();
    }

    /** Whether {@code d} offers a transfer to an account that holds it or is offered it by another. */
    private static boolean offersToAnOccupiedTarget(Connection c, DeviceCertificate d, String tbs)
            throws SQLException {
        String target = d.transfer().targetAccount();
        if (target == null) {
            return false;
        }
        Scope targetScope = new Scope(target, d.scope().region());
        return ScopedSql.of("SELECT 1 FROM device_certificates WHERE " + SCOPE
                + " AND (cert_id = :cert_id OR tbs_sha256 = :tbs_sha256)", targetScope)
                .bind("cert_id", d.certificateId()).bind("tbs_sha256", tbs).queryOne(c, rs -> true).isPresent()
                || isOfferedTo(c, target, d, tbs);
    }

    /** What an update of a device certificate may change: its status, audit and transfer data. */
    private static Columns changedDeviceColumns(DeviceCertificate d) {
        TransferData t = d.transfer();
        return new Columns()
                .set("status", d.status())
                .set("modified_ms", d.audit().lastModifiedDate().toEpochMilli())
                .set("customer_version", d.audit().customerVersion())
                .set("generation_id", d.audit().generationId())
                .set("transfer_target", t.targetAccount())
                .set("previous_owner", t.previousOwner())
                .set("transfer_message", t.transferMessage())
                .set("transfer_date_ms", Rows.millis(t.transferDate()))
                .set("reject_reason", t.rejectReason())
                .set("reject_date_ms", Rows.millis(t.rejectDate()))
                .set("accept_date_ms", Rows.millis(t.acceptDate()));
    }

    @Override
    public boolean deleteDeviceCertificate(Scope scope, String certificateId, int expectedVersion,
            boolean detachPolicies) {
        // The no-op update takes the certificate's row first, as every attachment does (JdbcThingStore,
        // JdbcPolicyStore), so an attach racing with the delete either lands first (and is seen here) or finds the
        // certificate gone.
        return write(c -> {
            if (ScopedSql.of("UPDATE device_certificates SET customer_version = customer_version WHERE " + SCOPE
                    + " AND cert_id = :cert_id AND customer_version = :expected_version"
                    + (detachPolicies ? "" : " AND policy_count = 0"), scope)
                    .bind("cert_id", certificateId).bind("expected_version", expectedVersion).update(c) == 0) {
                return false;
            }
            if (ScopedSql.of("SELECT 1 FROM thing_principals WHERE " + SCOPE + " AND cert_id = :cert_id", scope)
                    .bind("cert_id", certificateId).queryOne(c, rs -> 1).isPresent()) {
                return false;
            }
            if (detachPolicies) {
                JdbcPolicyStore.detachAll(c, scope, scope.certificateArn(certificateId));
            }
            return ScopedSql.of("DELETE FROM device_certificates WHERE " + SCOPE + " AND cert_id = :cert_id", scope)
                    .bind("cert_id", certificateId).update(c) == 1;
        });
    }

    @Override
    public PolicyStore policies() {
        return policies;
    }

    @Override
    public Page<ListedCertificate> listDeviceCertificates(Scope scope, PageRequest request) {
        return page(KeysetQuery.union("device_certificates", List.of(SCOPE),
                List.of("transfer_target = :account", "region = :region"), request), scope, request);
    }

    @Override
    public Page<ListedCertificate> listDeviceCertificatesByCa(Scope scope, String caId, PageRequest request) {
        return page(KeysetQuery.sql("device_certificates", List.of(SCOPE, "ca_id = :ca_id"), request), scope,
                request, "ca_id", caId);
    }

    private Page<ListedCertificate> page(String sql, Scope scope, PageRequest request) {
        return page(KeysetQuery.bindPage(ScopedSql.of(sql, scope), request), request);
    }

    private Page<ListedCertificate> page(String sql, Scope scope, PageRequest request, String name, Object value) {
        return page(KeysetQuery.bindPage(ScopedSql.of(sql, scope).bind(name, value), request), request);
    }

    private Page<ListedCertificate> page(Sql sql, PageRequest request) {
        List<ListedCertificate> rows = read(c -> sql.query(c, Rows::listed));
        boolean hasMore = rows.size() > request.limit();
        return new Page<>(hasMore ? rows.subList(0, request.limit()) : rows, hasMore);
    }

    @Override
    public void close() {
        db.close();
    }

    @Override
    public Map<CertificateStatus, Long> countDeviceCertificatesByStatus() {
        Map<CertificateStatus, Long> counts = new EnumMap<>(CertificateStatus.class);
        read(c -> Sql.of("SELECT status, COUNT(*) FROM device_certificates GROUP BY status")
                .query(c, rs -> counts.put(CertificateStatus.valueOf(rs.getString(1)), rs.getLong(2))));
        return counts;
    }

    @Override
    public void checkReady() {
        read(c -> Sql.of("SELECT 1").query(c, rs -> rs.getInt(1)));
    }

    private <T> T write(SqlWork<T> sqlWork) {
        return work.write(sqlWork);
    }

    private <T> T read(SqlWork<T> sqlWork) {
        return work.read(sqlWork);
    }
}
