-- The SHA-256 of each certificate's TBSCertificate, the part its issuer signed: an ECDSA signature has a twin that
-- verifies as well, so one certificate can be spelt twice with two ids. Filled in for existing rows by the Java
-- migration 8.1 (SignedPartBackfill), then kept unique by 8.2 wherever the id is.
ALTER TABLE device_certificates ADD COLUMN tbs_sha256 TEXT;
ALTER TABLE ca_certificates ADD COLUMN tbs_sha256 TEXT;
-- Lets the backfill find a digest already given in a scope; migration 8.2 replaces it with a unique index.
CREATE INDEX device_certificates_by_tbs_backfill ON device_certificates (account, region, tbs_sha256);
CREATE INDEX ca_certificates_by_tbs_backfill ON ca_certificates (account, region, tbs_sha256);
