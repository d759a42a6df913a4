package dev.certreg.core;

/**
 * What CreateCertificateFromCsr returns, and the certificate half of CreateKeysAndCertificate.
 *
 * @param certificateArn the new certificate's ARN
 * @param certificateId the new certificate's id
 * @param certificatePem the issued certificate in PEM
 */
public record IssuedCertificate(String certificateArn, String certificateId, String certificatePem) {}
