/**
 * The default {@link dev.certreg.core.CertificateStore}: the store-jdbc SQL over one SQLite file in WAL mode with
 * synchronous=FULL, written by one group-committing writer thread and read by a small pool of connections.
 */
package dev.certreg.store.sqlite;
