package dev.certreg.store.jdbc;

import static dev.certreg.store.jdbc.Statements.query;
import static dev.certreg.store.jdbc.Statements.queryOne;
import static dev.certreg.store.jdbc.Statements.update;

import dev.certreg.core.CaCertificate;
import dev.certreg.core.CertificateStore;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.Page;
import dev.certreg.core.PageRequest;
import dev.certreg.core.RegistrationConfig;
import dev.certreg.core.Scope;
import dev.certreg.core.Tag;
import dev.certreg.core.TransferData;
import dev.certreg.store.jdbc.internal.KeysetQuery;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The {@link CertificateStore} SPI in SQL, over the {@link Database} a subclass supplies. Duplicates are refused by
 * the schema's unique keys ({@code INSERT ... ON CONFLICT DO NOTHING}, then the update count) and changes are
 * conditional on the stored customer version, so racing writers, in one process or many, get exactly one winner.
 * A write returns once its transaction is durable. Failures are thrown as {@link StoreException}. Thread-safe.
 */
public abstract class JdbcCertificateStore implements CertificateStore {
    private static final String CA_COLUMNS = "account, region, cert_id, pem, subject, status, auto_registration, "
            + "mode, template_body, role_arn, template_name, not_before_ms, not_after_ms, created_ms, modified_ms, "
            + "customer_version, generation_id";
    private static final String DEVICE_COLUMNS = "account, region, cert_id, pem, ca_id, status, mode, "
            + "not_before_ms, not_after_ms, created_ms, modified_ms, customer_version, generation_id, transfer_target, "
            + "previous_owner, transfer_message, transfer_date_ms, reject_reason, reject_date_ms, accept_date_ms";
    private static final String CHANGED_COLUMNS = "status = ?, modified_ms = ?, customer_version = ?, "
            + "generation_id = ?, transfer_target = ?, previous_owner = ?, transfer_message = ?, "
            + "transfer_date_ms = ?, reject_reason = ?, reject_date_ms = ?, accept_date_ms = ?";
    private static final String SELECT_CODE = "SELECT code FROM registration_codes WHERE account = ? AND region = ?";

    private final Database db;

    /** A store over {@code db}, whose schema the subclass has already migrated; closing the store closes it. */
    protected JdbcCertificateStore(Database db) {
        this.db = db;
    }

    @Override
    public String registrationCode(Scope scope, String candidate) {
        Optional<String> existing = findRegistrationCode(scope);
        if (existing.isPresent()) {
            return existing.get();
        }
        return write(c -> {
            boolean inserted = update(c, "INSERT INTO registration_codes (account, region, code) VALUES (?, ?, ?) "
                    + "ON CONFLICT DO NOTHING", scope.account(), scope.region(), candidate) == 1;
            return inserted
                    ? candidate
                    : queryOne(c, SELECT_CODE, rs -> rs.getString(1), scope.account(), scope.region()).orElseThrow();
        });
    }

    @Override
    public Optional<String> findRegistrationCode(Scope scope) {
        return read(c -> queryOne(c, SELECT_CODE, rs -> rs.getString(1), scope.account(), scope.region()));
    }

    @Override
    public boolean deleteRegistrationCode(Scope scope) {
        return write(c -> update(c, "DELETE FROM registration_codes WHERE account = ? AND region = ?",
                scope.account(), scope.region()) == 1);
    }

    @Override
    public boolean insertCaCertificate(CaCertificate ca) {
        return write(c -> {
            boolean inserted = update(c, "INSERT INTO ca_certificates (" + CA_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", caValues(ca)) == 1;
            if (inserted) {
                insertTags(c, ca);
            }
            return inserted;
        });
    }

    private static Object[] caValues(CaCertificate ca) {
        RegistrationConfig config = ca.registrationConfig();
        return new Object[] {ca.scope().account(), ca.scope().region(), ca.certificateId(), ca.certificatePem(),
            ca.subject(), ca.status().name(), ca.autoRegistrationStatus().name(), ca.mode().name(),
            config == null ? null : config.templateBody(), config == null ? null : config.roleArn(),
            config == null ? null : config.templateName(), ca.validity().notBefore().toEpochMilli(),
            ca.validity().notAfter().toEpochMilli(), ca.audit().creationDate().toEpochMilli(),
            ca.audit().lastModifiedDate().toEpochMilli(), ca.audit().customerVersion(), ca.audit().generationId()};
    }

    private static void insertTags(Connection c, CaCertificate ca) throws SQLException {
        for (int i = 0; i < ca.tags().size(); i++) {
            Tag tag = ca.tags().get(i);
            update(c, "INSERT INTO ca_certificate_tags (account, region, cert_id, position, tag_key, tag_value) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", ca.scope().account(), ca.scope().region(), ca.certificateId(), i,
                    tag.key(), tag.value());
        }
    }

    @Override
    public Optional<CaCertificate> findCaCertificate(Scope scope, String certificateId) {
        // One statement, so that the CA and its tags are read as of one commit.
        return Rows.joinTags(read(c -> query(c, "SELECT ca.*, t.tag_key, t.tag_value FROM ca_certificates ca "
                + "LEFT JOIN ca_certificate_tags t USING (account, region, cert_id) WHERE ca.account = ? AND "
                + "ca.region = ? AND ca.cert_id = ? ORDER BY t.position", rs -> Rows.caCertificate(scope, rs,
                        Rows.tagOfRow(rs)), scope.account(), scope.region(), certificateId)));
    }

    @Override
    public Optional<String> findDefaultModeCaOwner(String region, String certificateId) {
        return read(c -> queryOne(c, "SELECT account FROM ca_certificates WHERE region = ? AND cert_id = ? AND "
                + "mode = 'DEFAULT'", rs -> rs.getString(1), region, certificateId));
    }

    @Override
    public List<CaCertificate> findCaCertificatesBySubject(Scope scope, String subject) {
        return read(c -> query(c, "SELECT * FROM ca_certificates WHERE account = ? AND region = ? AND subject = ?",
                rs -> Rows.caCertificate(scope, rs, List.of()), scope.account(), scope.region(), subject));
    }

    @Override
    public boolean replaceCaCertificate(CaCertificate ca, int expectedVersion) {
        RegistrationConfig config = ca.registrationConfig();
        return write(c -> update(c, "UPDATE ca_certificates SET status = ?, auto_registration = ?, "
                + "template_body = ?, role_arn = ?, template_name = ?, modified_ms = ?, customer_version = ?, "
                + "generation_id = ? WHERE account = ? AND region = ? AND cert_id = ? AND customer_version = ?",
                ca.status().name(), ca.autoRegistrationStatus().name(),
                config == null ? null : config.templateBody(), config == null ? null : config.roleArn(),
                config == null ? null : config.templateName(), ca.audit().lastModifiedDate().toEpochMilli(),
                ca.audit().customerVersion(), ca.audit().generationId(), ca.scope().account(),
                ca.scope().region(), ca.certificateId(), expectedVersion) == 1);
    }

    @Override
    public boolean deleteCaCertificate(Scope scope, String certificateId, int expectedVersion) {
        return write(c -> update(c, "DELETE FROM ca_certificates WHERE account = ? AND region = ? AND cert_id = ? "
                + "AND customer_version = ?", scope.account(), scope.region(), certificateId, expectedVersion) == 1);
    }

    @Override
    public Page<ListedCertificate> listCaCertificates(Scope scope, String templateName, PageRequest request) {
        return templateName == null
                ? page("ca_certificates", List.of("account", "region"), request, scope.account(), scope.region())
                : page("ca_certificates", List.of("account", "region", "template_name"), request, scope.account(),
                        scope.region(), templateName);
    }

    @Override
    public boolean insertDeviceCertificate(DeviceCertificate d) {
        TransferData t = d.transfer();
        return write(c -> update(c, "INSERT INTO device_certificates (" + DEVICE_COLUMNS + ") VALUES (?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", d.scope().account(),
                d.scope().region(), d.certificateId(), d.certificatePem(), d.caCertificateId(), d.status().name(),
                d.mode().name(), d.validity().notBefore().toEpochMilli(), d.validity().notAfter().toEpochMilli(),
                d.audit().creationDate().toEpochMilli(), d.audit().lastModifiedDate().toEpochMilli(),
                d.audit().customerVersion(), d.audit().generationId(), t.targetAccount(), t.previousOwner(),
                t.transferMessage(), Rows.millis(t.transferDate()), t.rejectReason(), Rows.millis(t.rejectDate()),
                Rows.millis(t.acceptDate())) == 1);
    }

    @Override
    public Optional<DeviceCertificate> findDeviceCertificate(Scope scope, String certificateId) {
        return read(c -> queryOne(c, "SELECT * FROM device_certificates WHERE account = ? AND region = ? AND "
                + "cert_id = ?", rs -> Rows.deviceCertificate(scope, rs), scope.account(), scope.region(),
                certificateId));
    }

    @Override
    public Optional<DeviceCertificate> findPendingTransfer(Scope target, String certificateId) {
        return read(c -> queryOne(c, "SELECT * FROM device_certificates WHERE transfer_target = ? AND region = ? "
                + "AND cert_id = ?", rs -> Rows.ownedDeviceCertificate(target.region(), rs), target.account(),
                target.region(), certificateId));
    }

    @Override
    public boolean replaceDeviceCertificate(DeviceCertificate d, int expectedVersion) {
        return write(c -> update(c, "UPDATE device_certificates SET " + CHANGED_COLUMNS + " WHERE account = ? AND "
                + "region = ? AND cert_id = ? AND customer_version = ?", changedValues(d, d.scope().account(),
                        d.scope().region(), d.certificateId(), expectedVersion)) == 1);
    }

    @Override
    public boolean acceptDeviceCertificateTransfer(DeviceCertificate d, int expectedVersion) {
        // The NOT EXISTS guard turns a clash with the target's own copy of the certificate into "nothing written"
        // instead of a primary key violation; the caller re-reads and explains.
        return write(c -> update(c, "UPDATE device_certificates SET account = ?, " + CHANGED_COLUMNS + " WHERE "
                + "account = ? AND region = ? AND cert_id = ? AND customer_version = ? AND transfer_target = ? AND "
                + "NOT EXISTS (SELECT 1 FROM device_certificates mine WHERE mine.account = ? AND mine.region = ? "
                + "AND mine.cert_id = ?)", prepend(d.scope().account(), changedValues(d,
                        d.transfer().previousOwner(), d.scope().region(), d.certificateId(), expectedVersion,
                        d.scope().account(), d.scope().account(), d.scope().region(), d.certificateId()))) == 1);
    }

    private static Object[] changedValues(DeviceCertificate d, Object... where) {
        TransferData t = d.transfer();
        List<Object> values = new ArrayList<>(Arrays.asList(d.status().name(),
                d.audit().lastModifiedDate().toEpochMilli(), d.audit().customerVersion(), d.audit().generationId(),
                t.targetAccount(), t.previousOwner(), t.transferMessage(), Rows.millis(t.transferDate()),
                t.rejectReason(), Rows.millis(t.rejectDate()), Rows.millis(t.acceptDate())));
        values.addAll(Arrays.asList(where));
        return values.toArray();
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Override
    public boolean deleteDeviceCertificate(Scope scope, String certificateId, int expectedVersion) {
        return write(c -> update(c, "DELETE FROM device_certificates WHERE account = ? AND region = ? AND "
                + "cert_id = ? AND customer_version = ?", scope.account(), scope.region(), certificateId,
                expectedVersion) == 1);
    }

    @Override
    public Page<ListedCertificate> listDeviceCertificates(Scope scope, PageRequest request) {
        List<Object> params = new ArrayList<>();
        addKeysetParams(params, request, scope.account(), scope.region());
        addKeysetParams(params, request, scope.account(), scope.region());
        params.add(request.limit() + 1);
        return page(KeysetQuery.union("device_certificates", List.of("account", "region"),
                List.of("transfer_target", "region"), request), request, params);
    }

    @Override
    public Page<ListedCertificate> listDeviceCertificatesByCa(Scope scope, String caId, PageRequest request) {
        return page("device_certificates", List.of("account", "region", "ca_id"), request, scope.account(),
                scope.region(), caId);
    }

    private Page<ListedCertificate> page(String table, List<String> columns, PageRequest request, Object... values) {
        List<Object> params = new ArrayList<>();
        addKeysetParams(params, request, values);
        return page(KeysetQuery.sql(table, columns, request), request, params);
    }

    private static void addKeysetParams(List<Object> params, PageRequest request, Object... values) {
        params.addAll(List.of(values));
        request.after().ifPresent(key -> {
            params.add(key.createdMillis());
            params.add(key.certificateId());
        });
        params.add(request.limit() + 1);
    }

    private Page<ListedCertificate> page(String sql, PageRequest request, List<Object> params) {
        List<ListedCertificate> rows = read(c -> query(c, sql, Rows::listed, params.toArray()));
        boolean hasMore = rows.size() > request.limit();
        return new Page<>(hasMore ? rows.subList(0, request.limit()) : rows, hasMore);
    }

    @Override
    public void close() {
        db.close();
    }

    private <T> T write(SqlWork<T> work) {
        try {
            return db.write(work);
        } catch (SQLException e) {
            throw new StoreException(db, e);
        }
    }

    private <T> T read(SqlWork<T> work) {
        try {
            return db.read(work);
        } catch (SQLException e) {
            throw new StoreException(db, e);
        }
    }
}
