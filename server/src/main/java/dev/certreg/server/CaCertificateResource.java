package dev.certreg.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.AutoRegistrationStatus;
import dev.certreg.core.CaCertificate;
import dev.certreg.core.CaCertificateService;
import dev.certreg.core.CaCertificateStatus;
import dev.certreg.core.CaRegistration;
import dev.certreg.core.CaUpdate;
import dev.certreg.core.CertificateMode;
import dev.certreg.core.ListQuery;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.RegistrationConfig;
import dev.certreg.core.Scope;
import dev.certreg.protocol.Members;
import dev.certreg.protocol.Members.DeleteCACertificate;
import dev.certreg.protocol.Members.DescribeCACertificate;
import dev.certreg.protocol.Members.ListCACertificates;
import dev.certreg.protocol.Members.RegisterCACertificate;
import dev.certreg.protocol.Members.UpdateCACertificate;
import java.io.IOException;

/** CA certificates: {@code /cacertificate…} and {@code /cacertificates}. */
final class CaCertificateResource {
    private static final String CONFIG = "registrationConfig";

    private final CaCertificateService service;

    CaCertificateResource(CaCertificateService service) {
        this.service = service;
    }

    ObjectNode register(ApiRequest request) {
        CaRegistration registration = new CaRegistration(
                request.string(RegisterCACertificate.CA_CERTIFICATE),
                request.string(RegisterCACertificate.VERIFICATION_CERTIFICATE),
                Boolean.TRUE.equals(request.bool(RegisterCACertificate.SET_AS_ACTIVE)),
                Boolean.TRUE.equals(request.bool(RegisterCACertificate.ALLOW_AUTO_REGISTRATION)),
                registrationConfig(request.object(RegisterCACertificate.REGISTRATION_CONFIG)),
                TagParameters.tags("tags", request.array(RegisterCACertificate.TAGS)),
                request.enumValue(RegisterCACertificate.CERTIFICATE_MODE, CertificateMode.class));
        return CertificateResource.registered(service.register(request.scope(), registration));
    }

    private static RegistrationConfig registrationConfig(ObjectNode node) {
        if (node == null) {
            return null;
        }
        return new RegistrationConfig(
                ApiRequest.string(node, CONFIG, Members.RegistrationConfig.TEMPLATE_BODY),
                ApiRequest.string(node, CONFIG, Members.RegistrationConfig.ROLE_ARN),
                ApiRequest.string(node, CONFIG, Members.RegistrationConfig.TEMPLATE_NAME));
    }

    ObjectNode describe(ApiRequest request) {
        String id = request.certificateId(DescribeCACertificate.CERTIFICATE_ID);
        CaCertificate ca = service.describe(request.scope(), id);
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
        String id = request.certificateId(UpdateCACertificate.CERTIFICATE_ID);
        CaUpdate update = new CaUpdate(
                request.enumValue(UpdateCACertificate.NEW_STATUS, CaCertificateStatus.class),
                request.enumValue(UpdateCACertificate.NEW_AUTO_REGISTRATION_STATUS, AutoRegistrationStatus.class),
                registrationConfig(request.object(UpdateCACertificate.REGISTRATION_CONFIG)),
                Boolean.TRUE.equals(request.bool(UpdateCACertificate.REMOVE_AUTO_REGISTRATION)));
        service.update(request.scope(), id, update);
        return Json.object();
    }

    ObjectNode delete(ApiRequest request) {
        service.delete(request.scope(), request.certificateId(DeleteCACertificate.CERTIFICATE_ID));
        return Json.object();
    }

    JsonSerializable list(ApiRequest request) {
        Scope scope = request.scope();
        String templateName = request.string(ListCACertificates.TEMPLATE_NAME);
        ListQuery query = ListParameters.query(request, ListCACertificates.PAGE_SIZE, ListCACertificates.MARKER,
                ListCACertificates.ASCENDING_ORDER);
        return ListParameters.render(service.list(scope, templateName, query), (json, c) -> item(json, scope, c));
    }

    private static void item(JsonGenerator json, Scope scope, ListedCertificate c) throws IOException {
        ListParameters.item(json, scope.caCertificateArn(c.certificateId()), c, false);
    }
}
