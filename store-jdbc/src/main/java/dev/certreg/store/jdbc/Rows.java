package dev.certreg.store.jdbc;

import dev.certreg.core.Audit;
import dev.certreg.core.AutoRegistrationStatus;
import dev.certreg.core.CaCertificate;
import dev.certreg.core.CaCertificateStatus;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.RegistrationConfig;
import dev.certreg.core.Scope;
import dev.certreg.core.Tag;
import dev.certreg.core.TransferData;
import dev.certreg.core.Validity;
import dev.certreg.store.jdbc.internal.KeysetQuery;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Maps result rows to domain records. Stateless. */
final class Rows {
    private Rows() {}

    static CaCertificate caCertificate(Scope scope, ResultSet rs, List<Tag> tags) throws SQLException {
        RegistrationConfig config = registrationConfig(
                rs.getString("template_body"), rs.getString("role_arn"), rs.getString("template_name"));
        return new CaCertificate(scope, rs.getString("cert_id"), rs.getString("pem"), rs.getString("subject"),
                CaCertificateStatus.valueOf(rs.getString("status")),
                AutoRegistrationStatus.valueOf(rs.getString("auto_registration")),
                CertificateMode.valueOf(rs.getString("mode")), config, validity(rs), audit(rs), tags);
    }

    static DeviceCertificate deviceCertificate(Scope scope, ResultSet rs) throws SQLException {
        return new DeviceCertificate(scope, rs.getString("cert_id"), rs.getString("pem"), rs.getString("ca_id"),
                CertificateStatus.valueOf(rs.getString("status")), CertificateMode.valueOf(rs.getString("mode")),
                validity(rs), audit(rs), transfer(rs));
    }

    /** A device certificate row read with its owner from the row, for reads that cross accounts. */
    static DeviceCertificate ownedDeviceCertificate(String region, ResultSet rs) throws SQLException {
        return deviceCertificate(new Scope(rs.getString("account"), region), rs);
    }

    private static TransferData transfer(ResultSet rs) throws SQLException {
        return new TransferData(rs.getString("transfer_target"), rs.getString("previous_owner"),
                rs.getString("transfer_message"), instant(rs, "transfer_date_ms"), rs.getString("reject_reason"),
                instant(rs, "reject_date_ms"), instant(rs, "accept_date_ms"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    /** A nullable instant as the epoch milliseconds the schema stores. */
    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /** A row of {@link dev.certreg.store.jdbc.internal.KeysetQuery#LISTED_COLUMNS}. */
    static ListedCertificate listed(ResultSet rs) throws SQLException {
        // By position: SQLite's driver looks a column name up afresh on each row of a result. As bytes: the value is
        // ASCII (a hex id and two enum names), and SQLite's driver copies bytes out faster than it builds a string.
        String listed = new String(rs.getBytes(KeysetQuery.LISTED_TEXT), StandardCharsets.US_ASCII);
        int afterId = listed.indexOf(' ');
        int afterStatus = listed.lastIndexOf(' ');
        return new ListedCertificate(listed.substring(0, afterId), listed.substring(afterId + 1, afterStatus),
                CertificateMode.valueOf(listed.substring(afterStatus + 1)),
                Instant.ofEpochMilli(rs.getLong(KeysetQuery.LISTED_CREATED_MS)));
    }

    /** The tag of a row of a CA joined with its tags: none when the CA has no tags. */
    static List<Tag> tagOfRow(ResultSet rs) throws SQLException {
        String key = rs.getString("tag_key");
        return key == null ? List.of() : List.of(new Tag(key, rs.getString("tag_value")));
    }

    /** The CA of rows that each carry one of its tags, in tag order; empty when there are no rows. */
    static Optional<CaCertificate> joinTags(List<CaCertificate> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        CaCertificate ca = rows.get(0);
        List<Tag> tags = rows.stream().flatMap(row -> row.tags().stream()).toList();
        return Optional.of(new CaCertificate(ca.scope(), ca.certificateId(), ca.certificatePem(), ca.subject(),
                ca.status(), ca.autoRegistrationStatus(), ca.mode(), ca.registrationConfig(), ca.validity(),
                ca.audit(), tags));
    }

    private static RegistrationConfig registrationConfig(String body, String roleArn, String templateName) {
        if (body == null && roleArn == null && templateName == null) {
            return null;
        }
        return new RegistrationConfig(body, roleArn, templateName);
    }

    private static Validity validity(ResultSet rs) throws SQLException {
        return new Validity(
                Instant.ofEpochMilli(rs.getLong("not_before_ms")), Instant.ofEpochMilli(rs.getLong("not_after_ms")));
    }

    private static Audit audit(ResultSet rs) throws SQLException {
        return new Audit(Instant.ofEpochMilli(rs.getLong("created_ms")),
                Instant.ofEpochMilli(rs.getLong("modified_ms")), rs.getInt("customer_version"),
                rs.getString("generation_id"));
    }
}
