/**
 * A {@link dev.certreg.core.CertificateStore} on PostgreSQL, for registries whose nodes share one database: a
 * HikariCP pool, Flyway migrations, and uniqueness and conditional changes decided by the database.
 */
package dev.certreg.store.postgres;
