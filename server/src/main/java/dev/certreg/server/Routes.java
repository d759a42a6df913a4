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
            RegistrationCodeResource registrationCodes, EndpointResource endpoints, TransferResource transfers) {
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
                new Route("GET", "/endpoint", "DescribeEndpoint", endpoints::describe)));
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
