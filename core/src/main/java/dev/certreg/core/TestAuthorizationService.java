package dev.certreg.core;

import dev.certreg.core.policy.AppliedPolicy;
import dev.certreg.core.policy.AuthActionType;
import dev.certreg.core.policy.AuthResult;
import dev.certreg.core.policy.CertificateFacts;
import dev.certreg.core.policy.PolicyDocument;
import dev.certreg.core.policy.RequestContext;
import dev.certreg.core.policy.TestAuthorization;
import dev.certreg.core.policy.ThingSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * TestAuthorization (API reference): evaluates actions as a certificate's device would be evaluated, with the
 * policies attached to it, less {@code policyNamesToSkip}, plus {@code policyNamesToAdd}. Thread-safe.
 */
public final class TestAuthorizationService {
    private final PolicyService policies;
    private final CertificateStore certificates;
    private final ThingSource things;
    private final Clock clock;

    public TestAuthorizationService(PolicyService policies, CertificateStore certificates, ThingSource things,
            Clock clock) {
        this.policies = policies;
        this.certificates = certificates;
        this.things = things;
        this.clock = clock;
    }

    /** One {@code authInfo}: an action and the resource ARNs to test it on. */
    public record AuthCheck(AuthActionType actionType, List<String> resources) {
        public AuthCheck {
            resources = List.copyOf(resources);
        }
    }

    /**
     * The result of each check, in order.
     *
     * @param principal a certificate ARN of {@code scope}, or null to test the added policies alone
     * @param clientId the MQTT client id ({@code iot:ClientId} and the thing variables), or null
     */
    public List<AuthResult> test(Scope scope, String principal, String clientId, List<AuthCheck> checks,
            List<String> policyNamesToAdd, List<String> policyNamesToSkip) {
        RequestContext.Builder context = RequestContext.builder(scope, clock.instant());
        List<AppliedPolicy> applied = new ArrayList<>();
        if (clientId != null) {
            context.clientId(clientId);
        }
        if (principal != null) {
            DeviceCertificate certificate = certificate(scope, principal);
            context.certificate(CertificateFacts.of(certificate));
            applied.addAll(policies.policiesFor(scope, certificate.certificateId()));
            if (clientId != null) {
                things.thingFor(scope, clientId, certificate.certificateId()).ifPresent(context::thing);
            }
        }
        applied.removeIf(policy -> policyNamesToSkip.contains(policy.policyName()));
        for (String name : policyNamesToAdd) {
            if (applied.stream().noneMatch(policy -> policy.policyName().equals(name))) {
                applied.add(new AppliedPolicy(name, PolicyDocument.parse(policies.get(scope, name).document())));
            }
        }
        RequestContext built = context.build();
        return checks.stream()
                .map(check -> TestAuthorization.run(applied, built, check.actionType().action().actionName(),
                        check.resources()))
                .toList();
    }

    private DeviceCertificate certificate(Scope scope, String principal) {
        String prefix = scope.certificateArn("");
        if (!principal.startsWith(prefix)) {
            throw ServiceException.invalidRequest("principal must be a certificate ARN of this account and region, "
                    + prefix + "<certificateId>; got " + principal);
        }
        String certificateId = principal.substring(prefix.length());
        return certificates.findDeviceCertificate(scope, certificateId)
                .orElseThrow(() -> ServiceException.notFound("Certificate " + principal + " does not exist"));
    }
}
