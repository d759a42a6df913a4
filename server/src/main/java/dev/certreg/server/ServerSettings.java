package dev.certreg.server;

import java.util.Objects;

/**
 * How a server listens and whom it trusts.
 *
 * @param host the interface to bind
 * @param port the port, 0 for any free one
 * @param authenticator who the caller is
 * @param markerSecret the secret that seals list markers (32 bytes or more); nodes that share it accept each
 *     other's markers
 * @param maxThreads the largest number of request threads
 */
public record ServerSettings(String host, int port, Authenticator authenticator, byte[] markerSecret, int maxThreads) {
    /** The port {@code certreg serve} listens on by default. */
    public static final int DEFAULT_PORT = 4566;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(authenticator, "authenticator");
        markerSecret = markerSecret.clone();
    }

    @Override
    public byte[] markerSecret() {
        return markerSecret.clone();
    }
}
