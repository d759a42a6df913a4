package dev.certreg.server;

import dev.certreg.core.ServiceException;
import dev.certreg.protocol.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The route table: every endpoint, one line each. Immutable. */
final class Routes {
    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    static Routes of(CertificateResource certificates, CaCertificateResource caCertificates,
            RegistrationCodeResource registrationCodes, EndpointResource endpoints, TransferResource transfers,
            PolicyResource policies, AuthorizationResource authorization, TagResource tags,
            ThingResource things) {
        return new Routes(List.of(
                new Route("GET", "/certificates-by-ca/{caCertificateId}", "ListCertificatesByCA",
                        certificates::listByCa),
                new Route("GET", "/certificates", "ListCertificates", certificates::list),
                new Route("POST", "/certificates", "CreateCertificateFromCsr", certificates::createFromCsr),
                new Route("POST", "/keys-and-certificate", "CreateKeysAndCertificate",
                        certificates::createKeysAndCertificate),
                new Route("GET", "/certificates/{certificateId}", "DescribeCertificate", certificates::describe),
                new Route("PUT", "/certificates/{certificateId}", "UpdateCertificate", certificates::update),
                new Route("DELETE", "/certificates/{certificateId}", "DeleteCertificate", certificates::delete),
                new Route("POST", "/certificate/register", "RegisterCertificate", certificates::register),
                new Route("POST", "/certificate/register-no-ca", "RegisterCertificateWithoutCA",
                        certificates::registerWithoutCa),
                new Route("GET", "/cacertificates", "ListCACertificates", caCertificates::list),
                new Route("POST", "/cacertificate", "RegisterCACertificate", caCertificates::register),
                new Route("GET", "/cacertificate/{caCertificateId}", "DescribeCACertificate",
                        caCertificates::describe),
                new Route("PUT", "/cacertificate/{caCertificateId}", "UpdateCACertificate", caCertificates::update),
                new Route("DELETE", "/cacertificate/{caCertificateId}", "DeleteCACertificate",
                        caCertificates::delete),
                new Route("GET", "/registrationcode", "GetRegistrationCode", registrationCodes::get),
                new Route("DELETE", "/registrationcode", "DeleteRegistrationCode", registrationCodes::delete),
                new Route("PATCH", "/transfer-certificate/{certificateId}", "TransferCertificate", transfers::transfer),
                new Route("PATCH", "/accept-certificate-transfer/{certificateId}", "AcceptCertificateTransfer",
                        transfers::accept),
                new Route("PATCH", "/reject-certificate-transfer/{certificateId}", "RejectCertificateTransfer",
                        transfers::reject),
                new Route("PATCH", "/cancel-certificate-transfer/{certificateId}", "CancelCertificateTransfer",
                        transfers::cancel),
                new Route("GET", "/endpoint", "DescribeEndpoint", endpoints::describe),
                new Route("GET", "/policies", "ListPolicies", policies::list),
                new Route("POST", "/policies/{policyName}", "CreatePolicy", policies::create),
                new Route("GET", "/policies/{policyName}", "GetPolicy", policies::get),
                new Route("DELETE", "/policies/{policyName}", "DeletePolicy", policies::delete),
                new Route("POST", "/policies/{policyName}/version", "CreatePolicyVersion", policies::createVersion),
                new Route("GET", "/policies/{policyName}/version", "ListPolicyVersions", policies::listVersions),
                new Route("GET", "/policies/{policyName}/version/{policyVersionId}", "GetPolicyVersion",
                        policies::getVersion),
                new Route("PATCH", "/policies/{policyName}/version/{policyVersionId}", "SetDefaultPolicyVersion",
                        policies::setDefaultVersion),
                new Route("DELETE", "/policies/{policyName}/version/{policyVersionId}", "DeletePolicyVersion",
                        policies::deleteVersion),
                new Route("PUT", "/target-policies/{policyName}", "AttachPolicy", policies::attach),
                new Route("POST", "/target-policies/{policyName}", "DetachPolicy", policies::detach),
                new Route("POST", "/attached-policies/{target}", "ListAttachedPolicies", policies::listAttached),
                new Route("POST", "/policy-targets/{policyName}", "ListTargetsForPolicy", policies::listTargets),
                new Route("PUT", "/principal-policies/{policyName}", "AttachPrincipalPolicy",
                        policies::attachPrincipal),
                new Route("DELETE", "/principal-policies/{policyName}", "DetachPrincipalPolicy",
                        policies::detachPrincipal),
                new Route("GET", "/principal-policies", "ListPrincipalPolicies", policies::listPrincipalPolicies),
                new Route("GET", "/policy-principals", "ListPolicyPrincipals", policies::listPolicyPrincipals),
                new Route("POST", "/test-authorization", "TestAuthorization", authorization::test),
                new Route("POST", "/tags", "TagResource", tags::tag),
                new Route("POST", "/untag", "UntagResource", tags::untag),
                new Route("GET", "/tags", "ListTagsForResource", tags::list),
                new Route("GET", "/things", "ListThings", things::list),
                new Route("POST", "/things/{thingName}", "CreateThing", things::create),
                new Route("GET", "/things/{thingName}", "DescribeThing", things::describe),
                new Route("PATCH", "/things/{thingName}", "UpdateThing", things::update),
                new Route("DELETE", "/things/{thingName}", "DeleteThing", things::delete),
                new Route("PUT", "/things/{thingName}/principals", "AttachThingPrincipal", things::attachPrincipal),
                new Route("DELETE", "/things/{thingName}/principals", "DetachThingPrincipal",
                        things::detachPrincipal),
                new Route("GET", "/things/{thingName}/principals", "ListThingPrincipals", things::listPrincipals),
                new Route("GET", "/things/{thingName}/principals-v2", "ListThingPrincipalsV2",
                        things::listPrincipalsV2),
                new Route("GET", "/principals/things", "ListPrincipalThings", things::listPrincipalThings),
                new Route("GET", "/principals/things-v2", "ListPrincipalThingsV2", things::listPrincipalThingsV2)));
    }

    /** A matched route and its path labels. */
    record Match(Route route, Map<String, String> labels) {}

    /** The route for {@code method} and {@code path}, or UnknownOperationException. */
    Match find(String method, String path) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> labels = route.match(path);
            if (labels.isPresent()) {
                if (route.method().equals(method)) {
                    return new Match(route, labels.get());
                }
                pathKnown = true;
            }
        }
        throw new ServiceException(ErrorCode.UNKNOWN_OPERATION, pathKnown
                ? "No operation answers " + method + " on " + path
                : "No operation is served at " + path);
    }
}
