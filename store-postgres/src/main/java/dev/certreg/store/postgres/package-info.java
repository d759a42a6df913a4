/**
 * A {@link dev.certreg.core.CertificateStore} on PostgreSQL, for registries whose nodes share one database: the
 * store-jdbc SQL over a HikariCP pool, with Flyway migrations and a schema that compares identifiers in byte order.
 */
package dev.certreg.store.postgres;
