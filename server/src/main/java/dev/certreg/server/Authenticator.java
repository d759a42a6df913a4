package dev.certreg.server;

import dev.certreg.core.Scope;

/**
 * Decides who is calling: the (account, region) scope every operation runs in. This is where signature checks
 * belong. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Authenticator {
    /** The caller's scope, or a ServiceException (UnauthorizedException) if the request cannot be attributed. */
    Scope authenticate(RawRequest request);
}
