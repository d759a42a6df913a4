package dev.certreg.mqtt;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/**
 * The device endpoint's TLS identity: its key, its certificate and the root that issued it (sent too, as AWS IoT
 * sends its chain).
 */
public record ServerIdentity(PrivateKey privateKey, X509Certificate certificate, X509Certificate root) {}
