package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.certreg.core.x509.IssuingCa;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IssuingCaFileTest {
    @TempDir
    Path dataDir;

    @Test
    void theFirstStartCreatesAPrivateCaFileThatLaterStartsReuse() throws Exception {
        IssuingCa first = IssuingCaFile.load(dataDir, Clock.systemUTC());
        IssuingCa second = IssuingCaFile.load(dataDir, Clock.systemUTC());
        assertThat(second.certificatePem()).isEqualTo(first.certificatePem());
        assertThat(second.toPem()).isEqualTo(first.toPem()).contains("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(IssuingCaFile.FILE_NAME)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
