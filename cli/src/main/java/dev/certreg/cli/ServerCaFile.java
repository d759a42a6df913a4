package dev.certreg.cli;

import dev.certreg.mqtt.ServerCa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

/**
 * The device endpoint's root CA: {@code server-ca.pem} in the data directory (its EC private key and self-signed
 * certificate), created on first start, atomically and readable by the owner only, like {@link IssuingCaFile}; and
 * {@code root-ca.pem} beside it, the certificate alone, which devices trust as they would AmazonRootCA1.pem. Nodes
 * that serve one device endpoint share the file.
 */
final class ServerCaFile {
    static final String FILE_NAME = "server-ca.pem";
    static final String ROOT_FILE_NAME = "root-ca.pem";

    private ServerCaFile() {}

    static ServerCa load(Path dataDir, Clock clock) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            write(dataDir, file, ServerCa.generate(clock).toPem(), "rw-------");
        }
        ServerCa ca = ServerCa.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        Path root = dataDir.resolve(ROOT_FILE_NAME);
        if (!Files.exists(root) || !Files.readString(root, StandardCharsets.US_ASCII).equals(ca.rootPem())) {
            write(dataDir, root, ca.rootPem(), "rw-r--r--");
        }
        return ca;
    }

    private static void write(Path dataDir, Path file, String text, String permissions) throws IOException {
        Path temporary = Files.createTempFile(dataDir, file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
        Files.writeString(temporary, text, StandardCharsets.US_ASCII, StandardOpenOption.SYNC);
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
