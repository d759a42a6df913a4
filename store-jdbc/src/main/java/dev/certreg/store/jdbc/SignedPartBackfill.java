package dev.certreg.store.jdbc;

import dev.certreg.core.x509.SignedPart;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 8.1: gives every certificate stored before migration 8 the digest of its signed part
 * ({@link SignedPart}), in the oldest-first order the rows were registered. Where two rows of one scope already share a
 * signed part (both spellings got in before the rule existed), the younger keeps no digest, so migration 8.2 can make
 * the digest unique without deleting anything; the pair stays visible to its owner, who can delete one. The same
 * migration runs on SQLite and PostgreSQL.
 */
public final class SignedPartBackfill implements JavaMigration {
    private static final int BATCH = 1_000;

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8.1");
    }

    @Override
    public String getDescription() {
        return "backfill signed part digests";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        backfill(c, "device_certificates", false);
        backfill(c, "ca_certificates", true);
    }

    /**
     * Gives each row of {@code table} its digest unless a row met before holds it in the same scope, or, when
     * {@code defaultModeRegionWide}, in DEFAULT mode anywhere in the region, as migration 8.2's indexes will demand.
     */
    private static void backfill(Connection c, String table, boolean defaultModeRegionWide) throws SQLException {
        String keyset = "SELECT account, region, created_ms, cert_id, mode, pem FROM " + table
                + " WHERE (account, region, created_ms, cert_id) > (?, ?, ?, ?)"
                + " ORDER BY account, region, created_ms, cert_id LIMIT " + BATCH;
        try (PreparedStatement select = c.prepareStatement(keyset);
                PreparedStatement taken = c.prepareStatement("SELECT 1 FROM " + table + " WHERE region = ? AND "
                        + "tbs_sha256 = ? AND (account = ? OR (mode = 'DEFAULT' AND ? = 'DEFAULT'))");
                PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET tbs_sha256 = ? WHERE "
                        + "account = ? AND region = ? AND cert_id = ?")) {
            String account = "";
            String region = "";
            long created = Long.MIN_VALUE;
            String certId = "";
            int read;
            do {
                select.setString(1, account);
                select.setString(2, region);
                select.setLong(3, created);
                select.setString(4, certId);
                List<String[]> rows = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(4), rs.getString(5),
                                rs.getString(6)});
                        created = rs.getLong(3);
                    }
                }
                read = rows.size();
                for (String[] row : rows) {
                    account = row[0];
                    region = row[1];
                    certId = row[2];
                    String digest = SignedPart.sha256Hex(row[4]);
                    taken.setString(1, region);
                    taken.setString(2, digest);
                    taken.setString(3, account);
                    taken.setString(4, defaultModeRegionWide ? row[3] : "");
                    try (ResultSet rs = taken.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                    update.setString(1, digest);
                    update.setString(2, account);
                    update.setString(3, region);
                    update.setString(4, certId);
                    update.executeUpdate();
                }
            } while (read == BATCH);
        }
    }
}
