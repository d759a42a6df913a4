package dev.certreg.server;

import dev.certreg.core.Scope;

/**
 * Decides who is calling: the (account, region) scope every operation runs in. This is where signature checks
 * belong. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Authenticator {
    /**
     * The caller's scope, or a ServiceException if the request cannot be attributed: the 403s of
     * {@link dev.certreg.server.sigv4.SigV4Authenticator}, of which open mode gives those about the credential. It
     * runs before routing.
     */
    Scope authenticate(RawRequest request);
}
