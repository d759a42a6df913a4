-- Certificate transfers (spec §5.10). transfer_target is set only while a transfer is pending, so the target's
-- ListCertificates reads its pending certificates with one range read of the partial index below, merged with its
-- own rows.

ALTER TABLE device_certificates ADD COLUMN transfer_target TEXT;
ALTER TABLE device_certificates ADD COLUMN previous_owner TEXT;
ALTER TABLE device_certificates ADD COLUMN transfer_message TEXT;
ALTER TABLE device_certificates ADD COLUMN transfer_date_ms INTEGER;
ALTER TABLE device_certificates ADD COLUMN reject_reason TEXT;
ALTER TABLE device_certificates ADD COLUMN reject_date_ms INTEGER;
ALTER TABLE device_certificates ADD COLUMN accept_date_ms INTEGER;

CREATE INDEX device_certificates_by_transfer_target
    ON device_certificates (transfer_target, region, created_ms, cert_id, status, mode)
    WHERE transfer_target IS NOT NULL;
