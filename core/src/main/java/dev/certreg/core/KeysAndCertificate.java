package dev.certreg.core;

/**
 * What CreateKeysAndCertificate returns.
 *
 * @param certificate the issued certificate
 * @param publicKeyPem the generated public key, SPKI PEM
 * @param privateKeyPem the generated private key, PKCS#1 PEM; the registry keeps no copy
 */
public record KeysAndCertificate(IssuedCertificate certificate, String publicKeyPem, String privateKeyPem) {}
