package dev.certreg.core;

/**
 * A position in a certificate list: the order key (creation time in milliseconds, then certificate id).
 *
 * @param createdMillis creation time in epoch milliseconds
 * @param certificateId the certificate id, the tie-break
 */
public record PageKey(long createdMillis, String certificateId) {}
