package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.CertificateTransferService;
import dev.certreg.core.ServiceException;
import java.util.regex.Pattern;

/** Certificate transfers between accounts: {@code /transfer-certificate} and its accept, reject and cancel. */
final class TransferResource {
    static final int MESSAGE_MAX = 128;
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]+");

    private final CertificateTransferService service;

    TransferResource(CertificateTransferService service) {
        this.service = service;
    }

    ObjectNode transfer(ApiRequest request) {
        String id = request.certificateId("certificateId");
        String target = request.queryString("targetAwsAccount", 12, 12, ACCOUNT);
        if (target == null) {
            throw ServiceException.invalidRequest("targetAwsAccount is required");
        }
        String message = request.bodyString("transferMessage", false, 0, MESSAGE_MAX);
        ObjectNode body = Json.object();
        body.put("transferredCertificateArn", service.transfer(request.scope(), id, target, message));
        return body;
    }

    ObjectNode accept(ApiRequest request) {
        String id = request.certificateId("certificateId");
        service.accept(request.scope(), id, Boolean.TRUE.equals(request.queryBoolean("setAsActive")));
        return Json.object();
    }

    ObjectNode reject(ApiRequest request) {
        String id = request.certificateId("certificateId");
        service.reject(request.scope(), id, request.bodyString("rejectReason", false, 0, MESSAGE_MAX));
        return Json.object();
    }

    ObjectNode cancel(ApiRequest request) {
        service.cancel(request.scope(), request.certificateId("certificateId"));
        return Json.object();
    }
}
