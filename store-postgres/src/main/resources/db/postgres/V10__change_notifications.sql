-- Nodes that share this database hear of each other's device certificate changes: every committed UPDATE or
-- DELETE of a device certificate sends '<kind>:<id>' on the channel certreg_changes. NOTIFY is transactional, so a
-- rolled-back change sends nothing and a committed one is heard only after its commit.
CREATE FUNCTION certreg_notify_certificate_change() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('certreg_changes', 'certificate:' || OLD.cert_id);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER device_certificates_changed
    AFTER UPDATE OR DELETE ON device_certificates
    FOR EACH ROW EXECUTE FUNCTION certreg_notify_certificate_change();
