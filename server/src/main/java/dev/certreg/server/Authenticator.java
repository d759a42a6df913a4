package dev.certreg.server;

import dev.certreg.core.Scope;

/**
 * Decides who is calling: the (account, region) scope every operation runs in. This is where signature checks
 * belong. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Authenticator {
    /**
     * The caller's scope, or a ServiceException if the request cannot be attributed: UnauthorizedException in open
     * mode, the 403s of {@link dev.certreg.server.sigv4.SigV4Authenticator} with SigV4. It runs before routing.
     */
    Scope authenticate(RawRequest request);
}
