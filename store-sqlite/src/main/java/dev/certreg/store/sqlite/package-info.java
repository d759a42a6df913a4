/** The default {@link dev.certreg.core.CertificateStore}: one SQLite file in WAL mode with synchronous=FULL. */
package dev.certreg.store.sqlite;
