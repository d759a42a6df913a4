package dev.certreg.cli;

import dev.certreg.core.x509.Pem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The certificates in files given on a command line: directories are walked (in name order), a file holds PEM
 * blocks (one or a bundle; blocks other than CERTIFICATE, such as keys, are skipped) or one DER certificate.
 * Stateless.
 */
final class CertificateFiles {
    private static final Pattern CERTIFICATE =
            Pattern.compile("-----BEGIN CERTIFICATE-----[^-]*-----END CERTIFICATE-----");
    /** A DER certificate starts with a SEQUENCE of a long-form length. */
    private static final int DER_SEQUENCE = 0x30;

    private CertificateFiles() {}

    /** Every regular file under {@code paths}, in a stable order. */
    static List<Path> list(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** The certificates of {@code file} as PEM; empty if it holds none. */
    static List<String> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> pems = new ArrayList<>();
        if (text.contains("-----BEGIN ")) {
            Matcher block = CERTIFICATE.matcher(text);
            while (block.find()) {
                pems.add(block.group() + "\n");
            }
        } else if (bytes.length > 0 && (bytes[0] & 0xff) == DER_SEQUENCE) {
            pems.add(Pem.encode("CERTIFICATE", bytes));
        }
        return pems;
    }
}
