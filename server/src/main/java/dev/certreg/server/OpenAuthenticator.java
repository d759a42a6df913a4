package dev.certreg.server;

import dev.certreg.core.Scope;
import dev.certreg.server.sigv4.CredentialScope;
import java.util.regex.Pattern;

/**
 * Attributes requests without checking signatures: the region is the credential scope's, and an access key id of
 * exactly 12 digits is that account's id (LocalStack's convention, so tests can act as several accounts); any other
 * key belongs to {@link Scope#DEFAULT_ACCOUNT}. A request without a credential, or with a malformed one, gets the
 * same 403 as with SigV4 (see {@link CredentialScope#of}). Thread-safe.
 */
public final class OpenAuthenticator implements Authenticator {
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    @Override
    public Scope authenticate(RawRequest request) {
        CredentialScope credential = CredentialScope.of(request);
        String key = credential.accessKeyId();
        String account = ACCOUNT_ID.matcher(key).matches() ? key : Scope.DEFAULT_ACCOUNT;
        return new Scope(account, credential.region());
    }
}
