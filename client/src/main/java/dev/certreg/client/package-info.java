/**
 * boto3-compatible paginators over the AWS SDK for Java v2 {@code IotClient}: MaxItems, PageSize and StartingToken
 * with botocore's semantics and NextToken format, for ListCertificatesByCA, ListCertificates and ListCACertificates.
 * Start at {@link dev.certreg.client.CertificatePaginators}; the differences from botocore are listed in the module's
 * README.
 */
package dev.certreg.client;
