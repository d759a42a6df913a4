/**
 * AWS Signature Version 4 ({@code AWS4-HMAC-SHA256}) verification with the non-S3 rules IoT's control plane uses:
 * {@link dev.certreg.server.sigv4.SigV4Authenticator} checks the {@code Authorization} header or a presigned query
 * against the access keys of a {@link dev.certreg.server.sigv4.Credentials} file. Everything else in the package is
 * one step of the canonical request or of the checks around it. Secrets, {@code Authorization} and
 * {@code X-Amz-Signature} are never logged or echoed.
 */
package dev.certreg.server.sigv4;
