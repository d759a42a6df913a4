package dev.certreg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkerSecretTest {
    @TempDir
    Path dataDir;

    @Test
    void theFirstStartCreatesAPrivateKeyFileThatLaterStartsReuse() throws Exception {
        byte[] first = MarkerSecret.load(dataDir, null);
        assertThat(first).hasSize(32);
        assertThat(MarkerSecret.load(dataDir, "")).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve(MarkerSecret.FILE_NAME)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void aSharedSecretFromTheEnvironmentWinsAndMustBeLongEnough() throws Exception {
        byte[] shared = new byte[40];
        shared[0] = 7;
        assertThat(MarkerSecret.load(dataDir, Base64.getEncoder().encodeToString(shared))).isEqualTo(shared);
        assertThat(dataDir.resolve(MarkerSecret.FILE_NAME)).doesNotExist();
        assertThatThrownBy(() -> MarkerSecret.load(dataDir, Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }
}
