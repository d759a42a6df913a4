/** {@link dev.certreg.junit.CertregExtension}: an in-process certreg for the tests of code that calls AWS IoT. */
package dev.certreg.junit;
