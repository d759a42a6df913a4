package dev.certreg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret that seals list markers: {@code $CERTREG_MARKER_SECRET} (base64, at least 32 bytes) so that several
 * nodes accept each other's markers, else {@code marker.key} in the data directory, created on first start.
 */
final class MarkerSecret {
    static final String FILE_NAME = "marker.key";
    private static final int BYTES = 32;

    private MarkerSecret() {}

    static byte[] load(Path dataDir, String fromEnvironment) throws IOException {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            byte[] secret = Base64.getDecoder().decode(fromEnvironment.trim());
            if (secret.length < BYTES) {
                throw new IllegalArgumentException("CERTREG_MARKER_SECRET must decode to at least 32 bytes");
            }
            return secret;
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            byte[] secret = new byte[BYTES];
            new SecureRandom().nextBytes(secret);
            Path temporary = Files.createTempFile(dataDir, FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(temporary, secret, StandardOpenOption.SYNC);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return Files.readAllBytes(file);
    }
}
