package dev.certreg.cli;

import dev.certreg.core.x509.IssuingCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * The registry's issuing CA: {@code issuing-ca.pem} in the data directory (its RSA private key and self-signed
 * certificate), created on first start, atomically and readable by the owner only, like {@link MarkerSecret}. Nodes
 * that should issue under one CA share the file.
 */
final class IssuingCaFile {
    static final String FILE_NAME = "issuing-ca.pem";

    private IssuingCaFile() {}

    static IssuingCa load(Path dataDir, Clock clock) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            Path temporary = Files.createTempFile(dataDir, FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, IssuingCa.generate(clock).toPem(), StandardCharsets.US_ASCII,
                    StandardOpenOption.SYNC);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        }
        return IssuingCa.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    }
}
