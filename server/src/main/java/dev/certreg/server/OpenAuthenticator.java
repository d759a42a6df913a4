package dev.certreg.server;

import dev.certreg.core.Scope;

/**
 * Attributes requests without checking signatures: the region is the credential scope's, and an access key id of
 * exactly 12 digits is that account's id (LocalStack's convention, so tests can act as several accounts); any other
 * key belongs to the default account. Thread-safe.
 */
public final class OpenAuthenticator implements Authenticator {
    /** The account of every access key id that is not 12 digits. */
    public static final String DEFAULT_ACCOUNT = "123456789012";

    @Override
    public Scope authenticate(RawRequest request) {
        CredentialScope credential = CredentialScope.of(request);
        String key = credential.accessKeyId();
        String account = key.matches("\\d{12}") ? key : DEFAULT_ACCOUNT;
        return new Scope(account, credential.region());
    }
}
