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
import dev.certreg.core.x509.Pem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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
        return new DeviceCertificate(scope, id(name), pem(name), caName == null ? null : id(caName),
                CertificateStatus.ACTIVE, CertificateMode.DEFAULT, VALIDITY,
                Audit.created(Instant.ofEpochMilli(createdMillis), UUID.randomUUID().toString()));
    }

    public static CaCertificate ca(Scope scope, String name, CertificateMode mode, String templateName,
            long createdMillis) {
        RegistrationConfig config = templateName == null ? null : new RegistrationConfig(null, null, templateName);
        return new CaCertificate(scope, id(name), pem(name), "CN=" + name, CaCertificateStatus.ACTIVE,
                AutoRegistrationStatus.DISABLE, mode, config, VALIDITY,
                Audit.created(Instant.ofEpochMilli(createdMillis), UUID.randomUUID().toString()),
                List.of(new Tag("empty", null), new Tag("team", "fleet")));
    }

    /**
     * A stand-in certificate PEM for {@code name}: not X.509, but shaped like it as far as the store looks (a DER
     * SEQUENCE whose first element, the TBSCertificate, differs by name), so that each name is one certificate.
     */
    public static String pem(String name) {
        return pem(name, 0);
    }

    /** {@link #pem(String)} made {@code padding} bytes longer inside its TBSCertificate. */
    public static String pem(String name, int padding) {
        byte[] contents = Arrays.copyOf(name.getBytes(StandardCharsets.UTF_8), name.length() + padding);
        return Pem.encode("CERTIFICATE", sequence(sequence(contents)));
    }

    private static byte[] sequence(byte[] contents) {
        int n = contents.length;
        byte[] header = n < 0x80 ? new byte[] {0x30, (byte) n}
                : n < 0x100 ? new byte[] {0x30, (byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {0x30, (byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {0x30, (byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] der = Arrays.copyOf(header, header.length + n);
        System.arraycopy(contents, 0, der, header.length, n);
        return der;
    }

    /** {@code audit} one change later. */
    public static Audit changed(Audit audit) {
        return audit.changed(audit.lastModifiedDate().plus(Duration.ofSeconds(1)), UUID.randomUUID().toString());
    }
}
