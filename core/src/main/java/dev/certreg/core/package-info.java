/**
 * The registry's rules: domain records, the {@link dev.certreg.core.CertificateStore} storage SPI and the services
 * that check and apply every operation. Nothing here knows HTTP or SQL.
 */
package dev.certreg.core;
