/**
 * Tests of the SigV4 verifier: the AWS signing suite's vectors (canonical requests, verdicts, mutations), requests
 * signed in-JVM by the AWS SDK for Java v2, the time window with fixed clocks, the credentials file, and the server
 * driven end to end by a real {@code IotClient}.
 */
package dev.certreg.server.sigv4;
