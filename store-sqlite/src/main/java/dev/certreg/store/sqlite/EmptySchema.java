package dev.certreg.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * An empty database with every bundled migration applied, made by Flyway when this module is built and shipped in its
 * jar, so that a store opened in a new data directory starts from it instead of running the migrations: Flyway's
 * first use in a JVM costs a few hundred milliseconds of class loading, the copy a millisecond. The store's open
 * still checks the copy's schema history, and Flyway migrates what the copy lacks. The history records the build's
 * time as the time each migration was applied. Thread-safe.
 */
final class EmptySchema {
    /** The classpath resource the build writes. */
    static final String RESOURCE = "dev/certreg/store/sqlite/empty-schema.db";

    private EmptySchema() {}

    /**
     * Writes the empty database to {@code file} if no file is there; does nothing if one is, or if this build has no
     * empty database (a build from an IDE, say: the migrations then run as before).
     */
    static void copyIfAbsent(Path file) {
        if (Files.exists(file)) {
            return;
        }
        try (InputStream empty = EmptySchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (empty == null) {
                return;
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path part = Files.createTempFile(parent, file.getFileName().toString(), ".part");
            try {
                Files.copy(empty, part, StandardCopyOption.REPLACE_EXISTING);
                // A link is made whole at once and never over a file: a store another process created meanwhile is
                // kept. Where the file system has no links, the migrations run as before.
                Files.createLink(file, part);
            } catch (FileSystemException | UnsupportedOperationException kept) {
                // The file there is the store; or none is, and Flyway creates it.
            } finally {
                Files.deleteIfExists(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the SQLite database " + file, e);
        }
    }

    /** The build's step: writes the empty database to {@code args[0]}, replacing any file there. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        SqliteConnections.migrate("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
