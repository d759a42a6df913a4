package dev.certreg.junit;

import dev.certreg.store.sqlite.SqliteCertificateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of an empty, fully migrated and closed SQLite store, made once per JVM and written into each new data
 * directory, so that a later start opens a store whose schema is current instead of running every migration again.
 * Thread-safe.
 */
final class MigratedDatabase {
    private static Map<String, byte[]> files;

    private MigratedDatabase() {}

    /** Writes the empty store's files into {@code dataDir}, an empty directory. */
    static synchronized void copyInto(Path dataDir) throws IOException {
        if (files == null) {
            files = make();
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(dataDir.resolve(file.getKey()), file.getValue());
        }
    }

    // The store's files once it is closed: the database, and its write-ahead log if closing left one. The shared-
    // memory index is not copied: SQLite rebuilds it from the log.
    private static Map<String, byte[]> make() throws IOException {
        Path template = Files.createTempDirectory("certreg-junit-template");
        try {
            SqliteCertificateStore.open(template).close();
            Map<String, byte[]> made = new HashMap<>();
            try (Stream<Path> paths = Files.list(template)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    String name = path.getFileName().toString();
                    if (name.startsWith(SqliteCertificateStore.FILE_NAME) && !name.endsWith("-shm")) {
                        made.put(name, Files.readAllBytes(path));
                    }
                }
            }
            return made;
        } finally {
            deleteRecursively(template);
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
