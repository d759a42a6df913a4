/**
 * End-to-end tests of {@code certreg iot}: picocli runs the command in-process against an in-process server on a
 * fresh SQLite store; the SDK's {@code IotClient} sets the registry up and serves as the oracle.
 */
package dev.certreg.cli.iot;
