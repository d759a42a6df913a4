package dev.certreg.server;

import dev.certreg.core.x509.IssuingCa;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a server listens and whom it trusts.
 *
 * @param host the interface to bind
 * @param port the port, 0 for any free one
 * @param authenticator who the caller is
 * @param markerSecret the secret that seals list markers (32 bytes or more); nodes that share it accept each
 *     other's markers
 * @param maxThreads the largest number of request threads
 * @param issuingCa the CA that signs CreateKeysAndCertificate and CreateCertificateFromCsr certificates, asked for
 *     on the first such call; keep it across restarts (and share it between nodes) so issued certificates keep one
 *     issuer
 * @param limits the timeouts and the connection cap that keep slow clients from starving the others
 */
@SuppressWarnings("ArrayRecordComponent") // never compared or hashed; markerSecret is only read
public record ServerSettings(String host, int port, Authenticator authenticator, byte[] markerSecret, int maxThreads,
        Supplier<IssuingCa> issuingCa, HttpLimits limits) {
    /** The port {@code certreg serve} listens on by default. */
    public static final int DEFAULT_PORT = 4566;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(issuingCa, "issuingCa");
        Objects.requireNonNull(limits, "limits");
        markerSecret = markerSecret.clone();
    }

    /** Settings with this issuing CA and these limits. */
    public ServerSettings(String host, int port, Authenticator authenticator, byte[] markerSecret, int maxThreads,
            IssuingCa issuingCa, HttpLimits limits) {
        this(host, port, authenticator, markerSecret, maxThreads, constant(issuingCa), limits);
    }

    /** Settings with an issuing CA made on first use and {@link HttpLimits#defaults()}. */
    public ServerSettings(String host, int port, Authenticator authenticator, byte[] markerSecret, int maxThreads,
            Supplier<IssuingCa> issuingCa) {
        this(host, port, authenticator, markerSecret, maxThreads, issuingCa, HttpLimits.defaults());
    }

    /** Settings with this issuing CA and {@link HttpLimits#defaults()}. */
    public ServerSettings(String host, int port, Authenticator authenticator, byte[] markerSecret, int maxThreads,
            IssuingCa issuingCa) {
        this(host, port, authenticator, markerSecret, maxThreads, issuingCa, HttpLimits.defaults());
    }

    /**
     * Settings with a new in-memory issuing CA, generated when a server first issues a certificate (an RSA key costs
     * a noticeable part of a start): for tests and embedding.
     */
    public ServerSettings(String host, int port, Authenticator authenticator, byte[] markerSecret, int maxThreads) {
        this(host, port, authenticator, markerSecret, maxThreads, () -> IssuingCa.generate(Clock.systemUTC()),
                HttpLimits.defaults());
    }

    private static Supplier<IssuingCa> constant(IssuingCa issuingCa) {
        Objects.requireNonNull(issuingCa, "issuingCa");
        return () -> issuingCa;
    }

    @Override
    public byte[] markerSecret() {
        return markerSecret.clone();
    }
}
