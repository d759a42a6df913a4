package dev.certreg.core;

import java.time.Instant;

/**
 * A device certificate's transfer bookkeeping (AWS IoT API reference: TransferData). Immutable.
 *
 * @param targetAccount the account a pending transfer is offered to; null unless the certificate is PENDING_TRANSFER
 * @param previousOwner the account that owned the certificate before its last accepted transfer, or null
 * @param transferMessage the message of the last transfer, or null
 * @param transferDate when the last transfer was offered, or null
 * @param rejectReason the reason of the last rejection, or null
 * @param rejectDate when the last transfer was rejected, or null
 * @param acceptDate when the last transfer was accepted, or null
 */
public record TransferData(
        String targetAccount,
        String previousOwner,
        String transferMessage,
        Instant transferDate,
        String rejectReason,
        Instant rejectDate,
        Instant acceptDate) {

    /** No transfer ever happened. */
    public static final TransferData NONE = new TransferData(null, null, null, null, null, null, null);

    /** A transfer to {@code target} offered at {@code now}; the previous owner is kept. */
    public TransferData offered(String target, String message, Instant now) {
        return new TransferData(target, previousOwner, message, now, null, null, null);
    }

    /** The pending transfer withdrawn by its source. */
    public TransferData cancelled() {
        return new TransferData(null, previousOwner, transferMessage, transferDate, rejectReason, rejectDate,
                acceptDate);
    }

    /** The pending transfer refused by its target at {@code now}. */
    public TransferData rejected(String reason, Instant now) {
        return new TransferData(null, previousOwner, transferMessage, transferDate, reason, now, acceptDate);
    }

    /** The pending transfer taken over by its target at {@code now}, from {@code source}. */
    public TransferData accepted(String source, Instant now) {
        return new TransferData(null, source, transferMessage, transferDate, rejectReason, rejectDate, now);
    }
}
