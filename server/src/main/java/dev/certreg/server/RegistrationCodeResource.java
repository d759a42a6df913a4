package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.CaCertificateService;

/** {@code /registrationcode}: the account's proof-of-possession code for DEFAULT-mode CAs. */
final class RegistrationCodeResource {
    private final CaCertificateService service;

    RegistrationCodeResource(CaCertificateService service) {
        this.service = service;
    }

    ObjectNode get(ApiRequest request) {
        ObjectNode body = Json.object();
        body.put("registrationCode", service.getRegistrationCode(request.scope()));
        return body;
    }

    ObjectNode delete(ApiRequest request) {
        service.deleteRegistrationCode(request.scope());
        return Json.object();
    }
}
