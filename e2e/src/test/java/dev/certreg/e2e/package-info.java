/** End-to-end tests: the server in-process on port 0, driven over real HTTP by the AWS SDK for Java v2. */
package dev.certreg.e2e;
