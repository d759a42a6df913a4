package dev.certreg.core.testing;

import dev.certreg.core.Audit;
import dev.certreg.core.AutoRegistrationStatus;
import dev.certreg.core.CaCertificate;
import dev.certreg.core.CaCertificateStatus;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.RegistrationConfig;
import dev.certreg.core.Scope;
import dev.certreg.core.Tag;
import dev.certreg.core.Validity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Domain records for store tests, with ids derived from a name so tests read well. */
public final class Records {
    private static final Validity VALIDITY =
            new Validity(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2040-01-01T00:00:00Z"));

    private Records() {}

    /** A 64-hex certificate id derived from {@code name}. */
    public static String id(String name) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static DeviceCertificate device(Scope scope, String name, String caName, long createdMillis) {
        return new DeviceCertificate(scope, id(name), "PEM of " + name, caName == null ? null : id(caName),
                CertificateStatus.ACTIVE, CertificateMode.DEFAULT, VALIDITY,
                Audit.created(Instant.ofEpochMilli(createdMillis), UUID.randomUUID().toString()));
    }

    public static CaCertificate ca(Scope scope, String name, CertificateMode mode, String templateName,
            long createdMillis) {
        RegistrationConfig config = templateName == null ? null : new RegistrationConfig(null, null, templateName);
        return new CaCertificate(scope, id(name), "PEM of " + name, "CN=" + name, CaCertificateStatus.ACTIVE,
                AutoRegistrationStatus.DISABLE, mode, config, VALIDITY,
                Audit.created(Instant.ofEpochMilli(createdMillis), UUID.randomUUID().toString()),
                List.of(new Tag("empty", null), new Tag("team", "fleet")));
    }

    /** {@code audit} one change later. */
    public static Audit changed(Audit audit) {
        return audit.changed(audit.lastModifiedDate().plus(Duration.ofSeconds(1)), UUID.randomUUID().toString());
    }
}
