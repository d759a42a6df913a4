package dev.certreg.core;

/**
 * Told after a device certificate's status or owner changed, or it was deleted, once the change is committed. The
 * device endpoint uses it to cut off live connections at once, as UpdateCertificate documents ("disconnects all
 * devices that are using the certificate"). Implementations must be thread-safe and quick: they are called on the
 * request's thread.
 */
@FunctionalInterface
public interface CertificateChangeListener {
    /** A listener that does nothing, for a registry without a device endpoint. */
    CertificateChangeListener NONE = certificateId -> {};

    /** The certificate with this id (in some account and region) changed; re-read it to learn how. */
    void certificateChanged(String certificateId);

    /**
     * Changes may have been made without this listener hearing of them (another node's, while the notification
     * channel was down); anything decided from registry state should be decided again.
     */
    default void changesMayHaveBeenMissed() {}
}
