package dev.certreg.store.sqlite;

import static dev.certreg.core.testing.Records.device;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import dev.certreg.core.testing.Records;
import dev.certreg.protocol.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store on a real full disk: a 2 MiB tmpfs (mounting one needs root, as in CI; elsewhere the test is skipped).
 * Writes then fail as ServiceUnavailableException, reads go on, and writes work again as soon as space is freed,
 * without reopening the store; the file stays sound.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(120)
class FullDiskTest {
    private static final Scope SCOPE = new Scope("123456789012", "us-east-1");

    @TempDir
    Path dir;

    private Path mount;
    private boolean mounted;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        mount = Files.createDirectories(dir.resolve("tmpfs"));
        mounted = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", mount.toString()) == 0;
        assumeThat(mounted).as("mounting a tmpfs needs root").isTrue();
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            run("umount", mount.toString());
        }
    }

    @Test
    void aFullDiskRefusesWritesAsUnavailableKeepsReadsAndRecoversOnceSpaceIsFreed() throws Exception {
        DeviceCertificate first = device(SCOPE, "first", null, 1_000);
        Path filler = mount.resolve("filler");
        try (SqliteCertificateStore store = SqliteCertificateStore.open(mount)) {
            assertThat(store.insertDeviceCertificate(first)).isTrue();
            fill(filler);

            ServiceException refused = null;
            for (int i = 0; i < 64 && refused == null; i++) {
                try {
                    store.insertDeviceCertificate(large(i));
                } catch (ServiceException e) {
                    refused = e;
                }
            }

            assertThat(refused).isNotNull();
            assertThat(refused.errorCode()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
            assertThat(refused.getMessage()).contains("SQLITE_FULL");
            assertThat(store.findDeviceCertificate(SCOPE, first.certificateId())).contains(first);

            Files.delete(filler);
            DeviceCertificate after = device(SCOPE, "after", null, 2_000);
            assertThat(store.insertDeviceCertificate(after)).isTrue();
            assertThat(store.findDeviceCertificate(SCOPE, after.certificateId())).contains(after);
        }
        assertThat(SqliteBackup.integrityCheck(mount.resolve(SqliteCertificateStore.FILE_NAME))).isEqualTo("ok");
    }

    private static DeviceCertificate large(int i) {
        DeviceCertificate d = device(SCOPE, "large-" + i, null, 1_000 + i);
        return new DeviceCertificate(d.scope(), d.certificateId(), Records.pem("large-" + i, 48 * 1024),
                d.caCertificateId(), d.status(),
                d.mode(), d.validity(), d.audit());
    }

    /** Writes to {@code filler} until the file system has no space left. */
    private static void fill(Path filler) {
        byte[] chunk = new byte[16 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            // No space left on the device: what this is for.
        }
    }

    private static int run(String... command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor();
    }
}
