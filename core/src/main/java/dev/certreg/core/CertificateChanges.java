package dev.certreg.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Passes each certificate change on to every listener added, so that services can be built before the device
 * endpoint that listens to them. Thread-safe.
 */
public final class CertificateChanges implements CertificateChangeListener {
    private final List<CertificateChangeListener> listeners = new CopyOnWriteArrayList<>();

    public void add(CertificateChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public void certificateChanged(String certificateId) {
        for (CertificateChangeListener listener : listeners) {
            listener.certificateChanged(certificateId);
        }
    }

    @Override
    public void changesMayHaveBeenMissed() {
        for (CertificateChangeListener listener : listeners) {
            listener.changesMayHaveBeenMissed();
        }
    }
}
