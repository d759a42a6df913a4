package dev.certreg.core.policy;

import dev.certreg.core.Scope;
import java.util.List;

/**
 * Where {@link DeviceAuthorizer} finds the policies that apply to a device: those attached to the certificate it
 * authenticated with, each at its default version ("AWS IoT Core policies"; CreatePolicyVersion: "the default version
 * is the operative version"). The policy service implements it over its store. Implementations must be thread-safe;
 * they are asked at every decision, so that a changed policy or attachment takes effect at the next one.
 */
@FunctionalInterface
public interface PolicySource {
    /** No policy for anyone: everything is denied. */
    PolicySource NONE = (scope, certificateId) -> List.of();

    /**
     * The default versions of the policies attached to the certificate in {@code scope}; empty when none is.
     *
     * @param scope the account and region the certificate is registered in
     * @param certificateId the certificate's id
     */
    List<AppliedPolicy> policiesFor(Scope scope, String certificateId);
}
