-- The device endpoint looks a presented certificate up by id before it knows the owning account.
CREATE INDEX device_certificates_by_id ON device_certificates (cert_id);
CREATE INDEX ca_certificates_by_id ON ca_certificates (cert_id);
