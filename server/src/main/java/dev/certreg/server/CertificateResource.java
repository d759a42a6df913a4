package dev.certreg.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.CertificateStatus;
import dev.certreg.core.DeviceCertificate;
import dev.certreg.core.DeviceCertificateService;
import dev.certreg.core.DeviceRegistration;
import dev.certreg.core.IssuedCertificate;
import dev.certreg.core.IssuedCertificateService;
import dev.certreg.core.KeysAndCertificate;
import dev.certreg.core.ListQuery;
import dev.certreg.core.ListedCertificate;
import dev.certreg.core.Registered;
import dev.certreg.core.Scope;
import dev.certreg.core.TransferData;
import dev.certreg.protocol.Members.CreateCertificateFromCsr;
import dev.certreg.protocol.Members.CreateKeysAndCertificate;
import dev.certreg.protocol.Members.DeleteCertificate;
import dev.certreg.protocol.Members.DescribeCertificate;
import dev.certreg.protocol.Members.ListCertificates;
import dev.certreg.protocol.Members.ListCertificatesByCA;
import dev.certreg.protocol.Members.RegisterCertificate;
import dev.certreg.protocol.Members.RegisterCertificateWithoutCA;
import dev.certreg.protocol.Members.UpdateCertificate;
import java.io.IOException;
import java.time.Instant;

/**
 * Device certificates: {@code /certificates…}, {@code /certificate/register…}, {@code /certificates-by-ca}, and those
 * the registry issues ({@code POST /certificates} from a CSR, {@code /keys-and-certificate}).
 */
final class CertificateResource {
    private final DeviceCertificateService service;
    private final IssuedCertificateService issuing;

    CertificateResource(DeviceCertificateService service, IssuedCertificateService issuing) {
        this.service = service;
        this.issuing = issuing;
    }

    ObjectNode createKeysAndCertificate(ApiRequest request) {
        KeysAndCertificate created =
                issuing.createKeysAndCertificate(request.scope(), request.bool(CreateKeysAndCertificate.SET_AS_ACTIVE));
        ObjectNode body = issued(created.certificate());
        // Capitalised, unlike every other member: the API model spells KeyPair's members so.
        ObjectNode keyPair = body.putObject("keyPair");
        keyPair.put("PublicKey", created.publicKeyPem());
        keyPair.put("PrivateKey", created.privateKeyPem());
        return body;
    }

    ObjectNode createFromCsr(ApiRequest request) {
        String csr = request.string(CreateCertificateFromCsr.CERTIFICATE_SIGNING_REQUEST);
        return issued(issuing.createFromCsr(
                request.scope(), csr, request.bool(CreateCertificateFromCsr.SET_AS_ACTIVE)));
    }

    private static ObjectNode issued(IssuedCertificate issued) {
        ObjectNode body = Json.object();
        body.put("certificateArn", issued.certificateArn());
        body.put("certificateId", issued.certificateId());
        body.put("certificatePem", issued.certificatePem());
        return body;
    }

    ObjectNode register(ApiRequest request) {
        DeviceRegistration registration = new DeviceRegistration(
                request.string(RegisterCertificate.CERTIFICATE_PEM),
                request.string(RegisterCertificate.CA_CERTIFICATE_PEM),
                request.bool(RegisterCertificate.SET_AS_ACTIVE),
                request.enumValue(RegisterCertificate.STATUS, CertificateStatus.class));
        return registered(service.register(request.scope(), registration));
    }

    ObjectNode registerWithoutCa(ApiRequest request) {
        DeviceRegistration registration = new DeviceRegistration(
                request.string(RegisterCertificateWithoutCA.CERTIFICATE_PEM), null, null,
                request.enumValue(RegisterCertificateWithoutCA.STATUS, CertificateStatus.class));
        return registered(service.registerWithoutCa(request.scope(), registration));
    }

    static ObjectNode registered(Registered registered) {
        ObjectNode body = Json.object();
        body.put("certificateArn", registered.certificateArn());
        body.put("certificateId", registered.certificateId());
        return body;
    }

    ObjectNode describe(ApiRequest request) {
        String id = request.certificateId(DescribeCertificate.CERTIFICATE_ID);
        DeviceCertificate c = service.describe(request.scope(), id);
        ObjectNode description = Json.object();
        // The caller's ARN even while a transfer to it is pending, as TransferCertificate's transferredCertificateArn.
        description.put("certificateArn", request.scope().certificateArn(c.certificateId()));
        description.put("certificateId", c.certificateId());
        Json.putIfPresent(description, "caCertificateId", c.caCertificateId());
        description.put("status", c.status().name());
        description.put("certificatePem", c.certificatePem());
        description.put("ownedBy", c.scope().account());
        Json.putIfPresent(description, "previousOwnedBy", c.transfer().previousOwner());
        description.put("creationDate", Json.epochSeconds(c.audit().creationDate()));
        description.put("lastModifiedDate", Json.epochSeconds(c.audit().lastModifiedDate()));
        description.put("customerVersion", c.audit().customerVersion());
        description.set("transferData", transferData(c.transfer()));
        description.put("generationId", c.audit().generationId());
        Json.putValidity(description, c.validity());
        description.put("certificateMode", c.mode().name());
        ObjectNode body = Json.object();
        body.set("certificateDescription", description);
        return body;
    }

    private static ObjectNode transferData(TransferData t) {
        ObjectNode data = Json.object();
        Json.putIfPresent(data, "transferMessage", t.transferMessage());
        Json.putIfPresent(data, "rejectReason", t.rejectReason());
        putDate(data, "transferDate", t.transferDate());
        putDate(data, "acceptDate", t.acceptDate());
        putDate(data, "rejectDate", t.rejectDate());
        return data;
    }

    private static void putDate(ObjectNode node, String name, Instant date) {
        if (date != null) {
            node.put(name, Json.epochSeconds(date));
        }
    }

    ObjectNode update(ApiRequest request) {
        String id = request.certificateId(UpdateCertificate.CERTIFICATE_ID);
        CertificateStatus newStatus = request.enumValue(UpdateCertificate.NEW_STATUS, CertificateStatus.class);
        service.update(request.scope(), id, newStatus);
        return Json.object();
    }

    ObjectNode delete(ApiRequest request) {
        String id = request.certificateId(DeleteCertificate.CERTIFICATE_ID);
        service.delete(request.scope(), id, Boolean.TRUE.equals(request.bool(DeleteCertificate.FORCE_DELETE)));
        return Json.object();
    }

    JsonSerializable list(ApiRequest request) {
        Scope scope = request.scope();
        ListQuery query = ListParameters.query(request, ListCertificates.PAGE_SIZE, ListCertificates.MARKER,
                ListCertificates.ASCENDING_ORDER);
        return ListParameters.render(service.list(scope, query), (json, c) -> item(json, scope, c));
    }

    JsonSerializable listByCa(ApiRequest request) {
        Scope scope = request.scope();
        String caId = request.certificateId(ListCertificatesByCA.CA_CERTIFICATE_ID);
        ListQuery query = ListParameters.query(request, ListCertificatesByCA.PAGE_SIZE, ListCertificatesByCA.MARKER,
                ListCertificatesByCA.ASCENDING_ORDER);
        return ListParameters.render(service.listByCa(scope, caId, query), (json, c) -> item(json, scope, c));
    }

    private static void item(JsonGenerator json, Scope scope, ListedCertificate c) throws IOException {
        ListParameters.item(json, scope.certificateArn(c.certificateId()), c, true);
    }
}
