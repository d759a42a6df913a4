package dev.certreg.core;

/** A subscription to a store's changes ({@link CertificateStore#followChanges}); closing it ends it. */
@FunctionalInterface
public interface ChangeFeed extends AutoCloseable {
    @Override
    void close();
}
