package dev.certreg.core;

import dev.certreg.protocol.ErrorCode;
import java.time.Instant;
import java.util.Optional;

/**
 * Cross-account transfers of device certificates (AWS IoT API reference: TransferCertificate,
 * AcceptCertificateTransfer, RejectCertificateTransfer, CancelCertificateTransfer): Transfer and Cancel by the owning
 * (source) account, Accept and Reject by the target account of the same region. Every change is a conditional write
 * retried on a lost race. Accepting fails with TransferConflictException when the target already holds a certificate
 * with the same id (multi-account registration), rather than overwriting it. Thread-safe.
 */
public final class CertificateTransferService {
    private final CertificateStore store;
    private final Audits audits;
    private final CertificateChangeListener changes;

    public CertificateTransferService(CertificateStore store, Audits audits) {
        this(store, audits, CertificateChangeListener.NONE);
    }

    /** A service that tells {@code changes} of every committed transfer and acceptance. */
    public CertificateTransferService(CertificateStore store, Audits audits, CertificateChangeListener changes) {
        this.store = store;
        this.audits = audits;
        this.changes = changes;
    }

    /**
     * TransferCertificate: offers an INACTIVE or REVOKED certificate to {@code targetAccount}; returns its ARN there.
     */
    public String transfer(Scope source, String certificateId, String targetAccount, String message) {
        if (targetAccount.equals(source.account())) {
            throw ServiceException.invalidRequest("targetAwsAccount " + targetAccount + " already owns certificate "
                    + certificateId + "; a transfer needs another account");
        }
        Scope target = new Scope(targetAccount, source.region());
        Versioned.retry(() -> {
            DeviceCertificate current = owned(source, certificateId);
            checkTransferable(current);
            checkTargetIsFree(target, certificateId);
            checkNoThings(current);
            Instant now = audits.now();
            TransferData offer = current.transfer().offered(targetAccount, message, now);
            if (store.replaceDeviceCertificate(
                    current.changed(source, CertificateStatus.PENDING_TRANSFER, offer, audit(current, now)),
                    current.audit().customerVersion())) {
                return true;
            }
            // API reference, TransferCertificate: "No policies can be attached to the certificate".
            if (!store.policies().attachedPolicies(source, current.arn()).isEmpty()) {
                throw new ServiceException(ErrorCode.TRANSFER_CONFLICT, "Certificate " + certificateId
                        + " has policies attached; detach them before transferring it");
            }
            return false;
        });
        changes.certificateChanged(certificateId);
        return target.certificateArn(certificateId);
    }

    private static void checkTransferable(DeviceCertificate current) {
        CertificateStatus status = current.status();
        if (status == CertificateStatus.PENDING_TRANSFER) {
            throw new ServiceException(ErrorCode.TRANSFER_CONFLICT,
                    "Certificate " + current.certificateId() + " is already PENDING_TRANSFER");
        }
        if (status != CertificateStatus.INACTIVE && status != CertificateStatus.REVOKED) {
            throw ServiceException.certificateState("Certificate " + current.certificateId() + " is " + status
                    + "; only an INACTIVE or REVOKED certificate can be transferred");
        }
    }

    /** API reference (TransferCertificate): a certificate attached to a thing cannot be transferred. */
    private void checkNoThings(DeviceCertificate current) {
        if (!store.things().listPrincipalThings(current.scope(), current.certificateId(), null,
                Optional.empty(), 1).items().isEmpty()) {
            throw new ServiceException(ErrorCode.TRANSFER_CONFLICT, "Certificate " + current.certificateId()
                    + " is attached to a thing; detach it before transferring it");
        }
    }

    private void checkTargetIsFree(Scope target, String certificateId) {
        if (store.findDeviceCertificate(target, certificateId).isPresent()
                || store.findPendingTransfer(target, certificateId).isPresent()) {
            throw new ServiceException(ErrorCode.TRANSFER_CONFLICT, "Account " + target.account()
                    + " already holds or is being offered certificate " + certificateId);
        }
    }

    /** CancelCertificateTransfer: the source withdraws a pending transfer; the certificate becomes INACTIVE. */
    public void cancel(Scope source, String certificateId) {
        Versioned.retry(() -> {
            DeviceCertificate current = owned(source, certificateId);
            if (current.status() != CertificateStatus.PENDING_TRANSFER) {
                throw notPending(current);
            }
            return store.replaceDeviceCertificate(current.changed(source, CertificateStatus.INACTIVE,
                    current.transfer().cancelled(), audit(current, audits.now())), current.audit().customerVersion());
        });
    }

    /** RejectCertificateTransfer: the target refuses; the certificate returns to its source as INACTIVE. */
    public void reject(Scope target, String certificateId, String reason) {
        Versioned.retry(() -> {
            DeviceCertificate pending = offeredTo(target, certificateId);
            Instant now = audits.now();
            return store.replaceDeviceCertificate(pending.changed(pending.scope(), CertificateStatus.INACTIVE,
                    pending.transfer().rejected(reason, now), audit(pending, now)), pending.audit().customerVersion());
        });
    }

    /** AcceptCertificateTransfer: the target takes the certificate over, INACTIVE or (setAsActive) ACTIVE. */
    public void accept(Scope target, String certificateId, boolean setAsActive) {
        CertificateStatus status = setAsActive ? CertificateStatus.ACTIVE : CertificateStatus.INACTIVE;
        Versioned.retry(() -> {
            DeviceCertificate pending = offeredTo(target, certificateId);
            if (store.findDeviceCertificate(target, certificateId).isPresent()) {
                throw new ServiceException(ErrorCode.TRANSFER_CONFLICT, "Account " + target.account()
                        + " already holds certificate " + certificateId + "; delete it before accepting");
            }
            Instant now = audits.now();
            TransferData accepted = pending.transfer().accepted(pending.scope().account(), now);
            return store.acceptDeviceCertificateTransfer(
                    pending.changed(target, status, accepted, audit(pending, now)), pending.audit().customerVersion());
        });
        changes.certificateChanged(certificateId);
    }

    /** The certificate pending transfer to {@code target}, or the error that explains why there is none. */
    private DeviceCertificate offeredTo(Scope target, String certificateId) {
        return store.findPendingTransfer(target, certificateId).orElseThrow(() -> {
            DeviceCertificate own = store.findDeviceCertificate(target, certificateId)
                    .orElseThrow(() -> endedOrUnknown(target, certificateId));
            if (own.status() == CertificateStatus.PENDING_TRANSFER) {
                return ServiceException.invalidRequest("Certificate " + certificateId + " is offered by this "
                        + "account to " + own.transfer().targetAccount() + "; only that account can answer");
            }
            return notPending(own);
        });
    }

    /**
     * What the target hears about a certificate that is neither offered to it nor its own: if another account of the
     * region holds it after a transfer that ended without being accepted (rejected or cancelled), 410
     * TransferAlreadyCompletedException, the error AcceptCertificateTransfer and RejectCertificateTransfer list for
     * a transfer that is over; else 404. certreg does not keep whom an ended transfer was offered to, so any
     * account of the region hears 410 for such a certificate.
     */
    private ServiceException endedOrUnknown(Scope target, String certificateId) {
        boolean ended = store.findDeviceCertificatesById(certificateId).stream()
                .anyMatch(c -> c.scope().region().equals(target.region()) && !c.scope().equals(target)
                        && c.transfer().transferDate() != null && c.status() != CertificateStatus.PENDING_TRANSFER);
        return ended
                ? new ServiceException(ErrorCode.TRANSFER_ALREADY_COMPLETED, "The transfer of certificate "
                        + certificateId + " was rejected or cancelled; it is not offered to account "
                        + target.account())
                : DeviceCertificateService.notFound(certificateId);
    }

    private DeviceCertificate owned(Scope scope, String certificateId) {
        return store.findDeviceCertificate(scope, certificateId)
                .orElseThrow(() -> DeviceCertificateService.notFound(certificateId));
    }

    private static ServiceException notPending(DeviceCertificate current) {
        return new ServiceException(ErrorCode.TRANSFER_ALREADY_COMPLETED, "Certificate "
                + current.certificateId() + " is " + current.status() + ", not PENDING_TRANSFER");
    }

    private Audit audit(DeviceCertificate current, Instant now) {
        return audits.changed(current.audit(), now);
    }
}
