package dev.certreg.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.certreg.core.CertificateTransferService;
import dev.certreg.protocol.Members.AcceptCertificateTransfer;
import dev.certreg.protocol.Members.CancelCertificateTransfer;
import dev.certreg.protocol.Members.RejectCertificateTransfer;
import dev.certreg.protocol.Members.TransferCertificate;

/** Certificate transfers between accounts: {@code /transfer-certificate} and its accept, reject and cancel. */
final class TransferResource {
    private final CertificateTransferService service;

    TransferResource(CertificateTransferService service) {
        this.service = service;
    }

    ObjectNode transfer(ApiRequest request) {
        String id = request.certificateId(TransferCertificate.CERTIFICATE_ID);
        String target = request.string(TransferCertificate.TARGET_AWS_ACCOUNT);
        String message = request.string(TransferCertificate.TRANSFER_MESSAGE);
        ObjectNode body = Json.object();
        body.put("transferredCertificateArn", service.transfer(request.scope(), id, target, message));
        return body;
    }

    ObjectNode accept(ApiRequest request) {
        String id = request.certificateId(AcceptCertificateTransfer.CERTIFICATE_ID);
        service.accept(request.scope(), id, Boolean.TRUE.equals(request.bool(AcceptCertificateTransfer.SET_AS_ACTIVE)));
        return Json.object();
    }

    ObjectNode reject(ApiRequest request) {
        String id = request.certificateId(RejectCertificateTransfer.CERTIFICATE_ID);
        service.reject(request.scope(), id, request.string(RejectCertificateTransfer.REJECT_REASON));
        return Json.object();
    }

    ObjectNode cancel(ApiRequest request) {
        service.cancel(request.scope(), request.certificateId(CancelCertificateTransfer.CERTIFICATE_ID));
        return Json.object();
    }
}
