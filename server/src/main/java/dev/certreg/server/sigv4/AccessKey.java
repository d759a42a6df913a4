package dev.certreg.server.sigv4;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One access key of a {@link Credentials} registry. Its {@code toString} never shows the secret.
 *
 * @param id the access key id: letters, digits, {@code _ . -}, 1 to 128 characters
 * @param secretAccessKey the secret the signing key is derived from
 * @param account the 12-digit account the key acts for
 * @param enabled whether the key may sign; a disabled key is answered like an unknown one
 */
public record AccessKey(String id, String secretAccessKey, String account, boolean enabled) {
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");
    static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(account, "account");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("access key id '" + id + "' must be 1 to 128 letters, digits, '_', '.'"
                    + " or '-'");
        }
        if (secretAccessKey.isEmpty()) {
            throw new IllegalArgumentException("access key " + id + " has an empty secret");
        }
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("account '" + account + "' of access key " + id
                    + " must be 12 digits");
        }
    }

    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", account=" + account + ", enabled=" + enabled + "]";
    }
}
