/**
 * The {@link dev.certreg.core.CertificateStore} SPI in SQL, written once for every store module:
 * {@link dev.certreg.store.jdbc.JdbcCertificateStore} runs it over a {@link dev.certreg.store.jdbc.Database}, which a
 * store module supplies (its connections, transactions and migrations). The SQL is what SQLite (3.24 or later) and
 * PostgreSQL both accept, against schemas with the same tables, columns and indexes. Every statement binds its values
 * by name with {@link dev.certreg.store.jdbc.Sql} and writes rows as {@link dev.certreg.store.jdbc.Columns}, never
 * with positional {@code ?}: a new table's SQL does the same.
 */
package dev.certreg.store.jdbc;
