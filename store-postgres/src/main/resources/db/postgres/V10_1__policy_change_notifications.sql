-- A policy detached from a certificate, or a policy given another default version, may take rights from a live
-- device connection: each such commit also sends 'certificate:<id>' on certreg_changes, for every certificate
-- concerned, so that every node re-authorizes its connections of that certificate.
CREATE FUNCTION certreg_notify_policy_detached() RETURNS trigger AS $$
BEGIN
    IF OLD.target LIKE '%:cert/%' THEN
        PERFORM pg_notify('certreg_changes', 'certificate:' || substring(OLD.target from ':cert/(.*)$'));
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER policy_attachments_detached
    AFTER DELETE ON policy_attachments
    FOR EACH ROW EXECUTE FUNCTION certreg_notify_policy_detached();

CREATE FUNCTION certreg_notify_policy_default_version() RETURNS trigger AS $$
DECLARE
    attached RECORD;
BEGIN
    IF NEW.default_version IS DISTINCT FROM OLD.default_version THEN
        FOR attached IN SELECT target FROM policy_attachments
                WHERE account = NEW.account AND region = NEW.region AND policy_name = NEW.policy_name
                  AND target LIKE '%:cert/%' LOOP
            PERFORM pg_notify('certreg_changes', 'certificate:' || substring(attached.target from ':cert/(.*)$'));
        END LOOP;
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER policies_default_version_changed
    AFTER UPDATE ON policies
    FOR EACH ROW EXECUTE FUNCTION certreg_notify_policy_default_version();
