package dev.certreg.core;

/**
 * A RegisterCertificate or RegisterCertificateWithoutCA request.
 *
 * @param certificatePem the device certificate
 * @param caCertificatePem the signing CA's certificate, or null to find the CA by issuer
 * @param setAsActive the deprecated setAsActive flag, or null
 * @param status the requested status, or null
 */
public record DeviceRegistration(
        String certificatePem, String caCertificatePem, Boolean setAsActive, CertificateStatus status) {}
