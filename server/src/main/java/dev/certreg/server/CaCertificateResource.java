package dev.certreg.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.AutoRegistrationStatus;
import dev.certreg.core.CaCertificate;
import dev.certreg.core.CaCertificateService;
import dev.certreg.core.CaCertificateStatus;
import dev.certreg.core.CaRegistration;
import dev.certreg.core.CaUpdate;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.RegistrationConfig;
import dev.certreg.core.Scope;
import dev.certreg.core.ServiceException;
import java.util.regex.Pattern;

/** CA certificates: {@code /cacertificate…} and {@code /cacertificates}. */
final class CaCertificateResource {
    private static final Pattern TEMPLATE_NAME = Pattern.compile("^[0-9A-Za-z_-]+$");

    private final CaCertificateService service;

    CaCertificateResource(CaCertificateService service) {
        this.service = service;
    }

    ObjectNode register(ApiRequest request) {
        CaRegistration registration = new CaRegistration(
                request.bodyString("caCertificate", true, 1, CertificateResource.PEM_MAX),
                request.bodyString("verificationCertificate", false, 1, CertificateResource.PEM_MAX),
                Boolean.TRUE.equals(request.queryBoolean("setAsActive")),
                Boolean.TRUE.equals(request.queryBoolean("allowAutoRegistration")),
                registrationConfig(request.bodyObject("registrationConfig")),
                TagParameters.tags("tags", request.bodyArray("tags")),
                request.bodyEnum("certificateMode", CertificateMode.class));
        return CertificateResource.registered(service.register(request.scope(), registration));
    }

    private static RegistrationConfig registrationConfig(ObjectNode node) {
        if (node == null) {
            return null;
        }
        return new RegistrationConfig(
                text(node, "registrationConfig.templateBody", 0, 10240, null),
                text(node, "registrationConfig.roleArn", 20, 2048, null),
                text(node, "registrationConfig.templateName", 1, 36, TEMPLATE_NAME));
    }

    private static String text(JsonNode parent, String path, int min, int max, Pattern pattern) {
        JsonNode node = parent.get(path.substring(path.indexOf('.') + 1));
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ServiceException.invalidRequest(path + " must be a string");
        }
        return ApiRequest.checked(path, node.textValue(), min, max, pattern);
    }

    ObjectNode describe(ApiRequest request) {
        CaCertificate ca = service.describe(request.scope(), request.certificateId("caCertificateId"));
        ObjectNode description = Json.object();
        description.put("certificateArn", ca.arn());
        description.put("certificateId", ca.certificateId());
        description.put("status", ca.status().name());
        description.put("certificatePem", ca.certificatePem());
        description.put("ownedBy", ca.scope().account());
        description.put("creationDate", Json.epochSeconds(ca.audit().creationDate()));
        description.put("autoRegistrationStatus", ca.autoRegistrationStatus().name());
        description.put("lastModifiedDate", Json.epochSeconds(ca.audit().lastModifiedDate()));
        description.put("customerVersion", ca.audit().customerVersion());
        description.put("generationId", ca.audit().generationId());
        Json.putValidity(description, ca.validity());
        description.put("certificateMode", ca.mode().name());
        ObjectNode body = Json.object();
        body.set("certificateDescription", description);
        RegistrationConfig config = ca.registrationConfig();
        if (config != null) {
            ObjectNode configNode = body.putObject("registrationConfig");
            Json.putIfPresent(configNode, "templateBody", config.templateBody());
            Json.putIfPresent(configNode, "roleArn", config.roleArn());
            Json.putIfPresent(configNode, "templateName", config.templateName());
        }
        return body;
    }

    ObjectNode update(ApiRequest request) {
        String id = request.certificateId("caCertificateId");
        CaUpdate update = new CaUpdate(
                request.queryEnum("newStatus", CaCertificateStatus.class),
                request.queryEnum("newAutoRegistrationStatus", AutoRegistrationStatus.class),
                registrationConfig(request.bodyObject("registrationConfig")),
                Boolean.TRUE.equals(request.bodyBoolean("removeAutoRegistration")));
        service.update(request.scope(), id, update);
        return Json.object();
    }

    ObjectNode delete(ApiRequest request) {
        service.delete(request.scope(), request.certificateId("caCertificateId"));
        return Json.object();
    }

    ObjectNode list(ApiRequest request) {
        Scope scope = request.scope();
        String templateName = request.queryString("templateName", 1, 36, TEMPLATE_NAME);
        return ListParameters.render(service.list(scope, templateName, ListParameters.query(request)),
                c -> item(scope, c));
    }

    private static ObjectNode item(Scope scope, ListedCertificate c) {
        ObjectNode item = Json.object();
        item.put("certificateArn", scope.caCertificateArn(c.certificateId()));
        item.put("certificateId", c.certificateId());
        item.put("status", c.status());
        item.put("creationDate", Json.epochSeconds(c.creationDate()));
        return item;
    }
}
