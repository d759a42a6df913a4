package dev.certreg.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations bundled in a jar, as {@code certreg.jar} runs them: the module tests see them as files, so this is
 * the one place the jar listing is read. The jar is multi-release, as {@code certreg.jar} is (some of its libraries
 * are), so the class loader names the folder by its entry, with its trailing slash.
 */
class SchemaHistoryJarTest {
    @TempDir
    Path dir;

    @Test
    void listsTheVersionedMigrationsOfAFolderInAJar() throws IOException {
        Path jar = jar("db/x/", "db/x/V1__first.sql", "db/x/V2_1__second.sql", "db/x/README.txt",
                "db/x/nested/V9__not_here.sql", "db/xy/V7__other_folder.sql");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(SchemaHistory.bundledVersions(loader, "db/x")).containsExactlyInAnyOrder("1", "2.1");
        }
    }

    @Test
    void aRepeatableMigrationOrAMissingFolderIsUnknown() throws IOException {
        Path jar = jar("db/x/", "db/x/V1__first.sql", "db/x/R__view.sql");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(SchemaHistory.bundledVersions(loader, "db/x")).isNull();
            assertThat(SchemaHistory.bundledVersions(loader, "db/none")).isNull();
        }
    }

    private Path jar(String... entries) throws IOException {
        Path jar = dir.resolve("migrations.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (String name : entries) {
                out.putNextEntry(new JarEntry(name));
                if (!name.endsWith("/")) {
                    out.write("SELECT 1;".getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
