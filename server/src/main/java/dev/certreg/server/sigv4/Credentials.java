package dev.certreg.server.sigv4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The access keys a server accepts, by id. Loaded once from a credentials file (see {@link #parse(String)} for the
 * format) and immutable afterwards, so thread-safe.
 */
public final class Credentials {
    private final Map<String, AccessKey> keys;

    private Credentials(Map<String, AccessKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** A registry of {@code keys}; ids must be unique. */
    public static Credentials of(Collection<AccessKey> keys) {
        Map<String, AccessKey> byId = new LinkedHashMap<>();
        for (AccessKey key : keys) {
            if (byId.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("access key " + key.id() + " is defined twice");
            }
        }
        return new Credentials(byId);
    }

    /**
     * Reads a credentials file (UTF-8).
     *
     * @throws IOException if the file cannot be read
     * @throws IllegalArgumentException if it is malformed, with the line number and the defect in the message
     */
    public static Credentials load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Parses the text of a credentials file: the layout of the AWS shared credentials file, with one section per
     * access key id instead of per profile.
     *
     * <pre>
     * # Comments take whole lines, starting with # or ;
     * [AKIDEXAMPLE]
     * aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
     * # optional: 12 digits, default 123456789012
     * account = 123456789012
     * # optional, default true: false refuses the key like an unknown one
     * enabled = true
     * </pre>
     *
     * <p>A {@code #} after a value is part of the value. Section headers are access key ids (letters, digits,
     * {@code _ . -}, up to 128 characters); names are case-sensitive; blanks around names, values and {@code =} are
     * ignored; a UTF-8 byte order mark is skipped. A section needs its secret; unknown names, settings outside a
     * section, repeated sections or settings, and a file without keys are errors.
     *
     * @throws IllegalArgumentException if the text is malformed, naming the line and the defect
     */
    public static Credentials parse(String text) {
        return of(CredentialsFile.parse(text));
    }

    /** The key with this id, enabled or not. */
    public Optional<AccessKey> find(String accessKeyId) {
        return Optional.ofNullable(keys.get(accessKeyId));
    }

    /** How many keys there are. */
    public int size() {
        return keys.size();
    }

    @Override
    public String toString() {
        return "Credentials[" + keys.size() + " access keys]";
    }
}
