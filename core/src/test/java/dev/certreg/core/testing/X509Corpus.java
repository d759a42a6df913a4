package dev.certreg.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The public X.509 corpora checked in under {@code x509/} of core's test resources, which core's test-jar carries to
 * the other modules. Upstream licence files sit beside each folder and are not corpus entries. Thread-safe.
 */
public final class X509Corpus {
    private X509Corpus() {}

    /** One corpus file as the API would receive it: PEM text, with DER files armoured as a CERTIFICATE block. */
    public record Entry(String name, String pem) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every file under {@code x509/<folder>}, subfolders included, sorted by relative name. */
    public static List<Entry> files(String folder) {
        URI uri = folderUri(folder);
        if (!"jar".equals(uri.getScheme())) {
            return read(Path.of(uri));
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return read(jar.provider().getPath(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code content} as PEM text: DER ({@code .der}, {@code .crt}) is base64-armoured, anything else is text. */
    public static String pem(String fileName, byte[] content) {
        if (fileName.endsWith(".der") || fileName.endsWith(".crt")) {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(content)
                    + "\n-----END CERTIFICATE-----\n";
        }
        return new String(content, StandardCharsets.UTF_8);
    }

    private static URI folderUri(String folder) {
        URL url = X509Corpus.class.getResource("/x509/" + folder);
        if (url == null) {
            throw new IllegalArgumentException("No corpus folder x509/" + folder + " on the class path");
        }
        try {
            return url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Entry> read(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> !isLicence(path.getFileName().toString()))
                    .map(path -> new Entry(root.relativize(path).toString(), pem(path.toString(), bytes(path))))
                    .sorted(Comparator.comparing(Entry::name))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isLicence(String fileName) {
        return fileName.startsWith("COPYRIGHT") || fileName.startsWith("LICENSE") || fileName.startsWith("README");
    }

    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
