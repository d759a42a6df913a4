package dev.certreg.store.jdbc;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a database already holds every migration bundled with certreg, read from Flyway's own history table, so
 * that a store opens without loading Flyway when there is nothing to migrate (Flyway starts in hundreds of
 * milliseconds; this check takes one query). Any doubt (no history table, a repeatable migration, migrations not
 * listable) answers false, and the caller runs Flyway as before.
 */
public final class SchemaHistory {
    /** A versioned migration's file name: V1__name.sql, V3_1__name.sql. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");

    private SchemaHistory() {}

    /**
     * Whether every versioned migration under the classpath folder {@code location} (such as {@code db/sqlite}) is
     * recorded as applied successfully in {@code connection}'s {@code flyway_schema_history}.
     */
    public static boolean isCurrent(Connection connection, String location) {
        Set<String> bundled = bundledVersions(SchemaHistory.class.getClassLoader(), location);
        if (bundled == null || bundled.isEmpty()) {
            return false;
        }
        Set<String> applied = new HashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            while (rows.next()) {
                String version = rows.getString(1);
                if (version != null && rows.getBoolean(2)) {
                    applied.add(version);
                }
            }
        } catch (SQLException noHistory) {
            return false;
        }
        return applied.containsAll(bundled);
    }

    /**
     * The versions of the migrations under {@code location} in {@code loader}, as Flyway records them ("3.1"); null
     * if unknown.
     */
    static Set<String> bundledVersions(ClassLoader loader, String location) {
        URL url = loader.getResource(location);
        if (url == null) {
            return null;
        }
        Set<String> versions = new HashSet<>();
        try {
            if (url.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (!add(versions, file.getFileName().toString())) {
                            return null;
                        }
                    }
                }
            } else if (url.getProtocol().equals("jar")) {
                JarURLConnection jar = (JarURLConnection) url.openConnection();
                jar.setUseCaches(false);
                // The folder's entry, as a jar lists it, ends in a slash ("db/sqlite/").
                String entry = jar.getEntryName();
                String prefix = entry.endsWith("/") ? entry : entry + "/";
                try (JarFile file = jar.getJarFile()) {
                    for (String name : (Iterable<String>) file.stream().map(e -> e.getName())::iterator) {
                        boolean inFolder = name.startsWith(prefix) && name.length() > prefix.length()
                                && name.indexOf('/', prefix.length()) < 0;
                        if (inFolder && !add(versions, name.substring(prefix.length()))) {
                            return null;
                        }
                    }
                }
            } else {
                return null;
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
        return versions;
    }

    /** Adds a migration's version; false for a file Flyway would treat otherwise (a repeatable migration, say). */
    private static boolean add(Set<String> versions, String fileName) {
        Matcher matcher = VERSIONED.matcher(fileName);
        if (matcher.matches()) {
            versions.add(matcher.group(1).replace('_', '.'));
            return true;
        }
        return !fileName.endsWith(".sql");
    }
}
