package dev.certreg.server.sigv4;

import dev.certreg.core.Scope;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The parser of the credentials file format documented on {@link Credentials#parse(String)}. Not thread-safe. */
final class CredentialsFile {
    static final String SECRET = "aws_secret_access_key";
    static final String ACCOUNT = "account";
    static final String ENABLED = "enabled";

    private final List<AccessKey> keys = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private String section;
    private int sectionLine;
    private Map<String, String> settings;
    private int line;

    private CredentialsFile() {}

    static List<AccessKey> parse(String text) {
        CredentialsFile file = new CredentialsFile();
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (String content : withoutBom.split("\r?\n", -1)) {
            file.line++;
            file.read(content.strip());
        }
        file.endSection();
        if (file.keys.isEmpty()) {
            throw new IllegalArgumentException("the file defines no access keys: add a section such as [AKIDEXAMPLE]"
                    + " with an " + SECRET + " line");
        }
        return file.keys;
    }

    private void read(String content) {
        if (content.isEmpty() || content.startsWith("#") || content.startsWith(";")) {
            return;
        }
        if (content.startsWith("[")) {
            startSection(content);
        } else {
            setting(content);
        }
    }

    private void startSection(String content) {
        if (!content.endsWith("]")) {
            throw error("a section header must look like [ACCESS_KEY_ID]");
        }
        endSection();
        String id = content.substring(1, content.length() - 1).strip();
        if (!AccessKey.ID.matcher(id).matches()) {
            throw error("'" + id + "' is not an access key id: use 1 to 128 letters, digits, '_', '.' or '-'");
        }
        if (!ids.add(id)) {
            throw error("access key " + id + " is defined twice");
        }
        section = id;
        sectionLine = line;
        settings = new HashMap<>();
    }

    private void setting(String content) {
        int eq = content.indexOf('=');
        if (eq < 0) {
            throw error("expected 'name = value' or a section header [ACCESS_KEY_ID]");
        }
        String name = content.substring(0, eq).strip();
        if (section == null) {
            throw error("'" + name + "' comes before any section: start with [ACCESS_KEY_ID]");
        }
        if (!name.equals(SECRET) && !name.equals(ACCOUNT) && !name.equals(ENABLED)) {
            throw error("unknown setting '" + name + "' (sections are named by access key id and hold " + SECRET
                    + ", " + ACCOUNT + " and " + ENABLED + ")");
        }
        String value = content.substring(eq + 1).strip();
        check(name, value);
        if (settings.putIfAbsent(name, value) != null) {
            throw error("'" + name + "' is set twice for access key " + section);
        }
    }

    private void check(String name, String value) {
        if (name.equals(SECRET) && value.isEmpty()) {
            throw error(SECRET + " of access key " + section + " is empty");
        }
        if (name.equals(ACCOUNT) && !AccessKey.ACCOUNT.matcher(value).matches()) {
            throw error(ACCOUNT + " of access key " + section + " must be 12 digits, got '" + value + "'");
        }
        if (name.equals(ENABLED) && !value.equals("true") && !value.equals("false")) {
            throw error(ENABLED + " of access key " + section + " must be true or false, got '" + value + "'");
        }
    }

    private void endSection() {
        if (section == null) {
            return;
        }
        if (!settings.containsKey(SECRET)) {
            throw new IllegalArgumentException("line " + sectionLine + ": access key " + section + " has no "
                    + SECRET);
        }
        keys.add(new AccessKey(section, settings.get(SECRET),
                settings.getOrDefault(ACCOUNT, Scope.DEFAULT_ACCOUNT),
                Boolean.parseBoolean(settings.getOrDefault(ENABLED, "true"))));
        section = null;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException("line " + line + ": " + message);
    }
}
