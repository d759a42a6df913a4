-- One certificate, one id: a second spelling of a certificate already held (an ECDSA signature's twin) clashes here
-- as the same spelling clashes on the primary key. Rows the backfill could not give a digest keep NULL, which unique
-- indexes never compare equal.
DROP INDEX device_certificates_by_tbs_backfill;
DROP INDEX ca_certificates_by_tbs_backfill;
CREATE UNIQUE INDEX device_certificates_by_tbs ON device_certificates (account, region, tbs_sha256);
CREATE UNIQUE INDEX ca_certificates_by_tbs ON ca_certificates (account, region, tbs_sha256);
CREATE UNIQUE INDEX ca_certificates_default_mode_tbs ON ca_certificates (region, tbs_sha256) WHERE mode = 'DEFAULT';
