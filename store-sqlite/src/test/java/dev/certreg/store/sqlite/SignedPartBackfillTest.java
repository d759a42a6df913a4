package dev.certreg.store.sqlite;

import static dev.certreg.core.testing.Records.device;
import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.Scope;
import dev.certreg.core.testing.Records;
import dev.certreg.core.x509.Pem;
import dev.certreg.core.x509.SignedPart;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data dir written before certificates kept the digest of their signed part: migration 8.1 fills it in, oldest
 * first, and a second spelling of one certificate that got in before the rule keeps none, so the unique index can be
 * built and nothing is deleted.
 */
class SignedPartBackfillTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");

    @TempDir
    Path dataDir;

    @Test
    void existingCertificatesGetTheirDigestAndAnOlderSpellingWins() throws SQLException {
        String url = "jdbc:sqlite:" + dataDir.resolve(SqliteCertificateStore.FILE_NAME);
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/sqlite").target("7").load().migrate();
        String original = Records.pem("twin");
        String secondSpelling = respelled(original);
        try (Connection c = DriverManager.getConnection(url)) {
            insert(c, "first", original, 1_000);
            insert(c, "second", secondSpelling, 2_000);
            insert(c, "other", Records.pem("other"), 3_000);
        }

        try (SqliteCertificateStore store = SqliteCertificateStore.open(dataDir)) {
            assertThat(store.findDeviceCertificate(SCOPE, Records.id("second"))).isPresent();
            DeviceCertificate third = device(SCOPE, "third", null, 4_000);
            assertThat(store.insertDeviceCertificate(new DeviceCertificate(SCOPE, third.certificateId(),
                    respelled(secondSpelling), null, third.status(), third.mode(), third.validity(), third.audit())))
                    .as("a third spelling of a certificate held twice").isFalse();
        }
        assertThat(digests(url)).containsExactlyInAnyOrderEntriesOf(Map.of(
                Records.id("first"), SignedPart.sha256Hex(original),
                Records.id("second"), "",
                Records.id("other"), SignedPart.sha256Hex(Records.pem("other"))));
    }

    /** {@code pem} with one more byte after its signed part: another DER, the same TBSCertificate. */
    private static String respelled(String pem) {
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
        int contents = der.length - 2;
        byte[] longer = new byte[der.length + 1];
        longer[0] = 0x30;
        longer[1] = (byte) (contents + 1);
        System.arraycopy(der, 2, longer, 2, contents);
        return Pem.encode("CERTIFICATE", longer);
    }

    private static void insert(Connection c, String name, String pem, long created) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO device_certificates (account, region, "
                + "cert_id, pem, status, mode, not_before_ms, not_after_ms, created_ms, modified_ms, "
                + "customer_version, generation_id) VALUES (?, ?, ?, ?, 'ACTIVE', 'DEFAULT', 0, 1, ?, ?, 1, 'g')")) {
            insert.setString(1, SCOPE.account());
            insert.setString(2, SCOPE.region());
            insert.setString(3, Records.id(name));
            insert.setString(4, pem);
            insert.setLong(5, created);
            insert.setLong(6, created);
            insert.executeUpdate();
        }
    }

    private static Map<String, String> digests(String url) throws SQLException {
        Map<String, String> digests = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url);
                ResultSet rs = c.createStatement().executeQuery("SELECT cert_id, tbs_sha256 FROM device_certificates")) {
            while (rs.next()) {
                digests.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
            }
        }
        return digests;
    }
}
