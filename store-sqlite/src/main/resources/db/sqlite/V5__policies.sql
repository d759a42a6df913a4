-- Policies, their versions and their attachments to device certificates. The counters on the policy row
-- (version_count, target_count) and on the certificate row (policy_count) are what the limits and delete guards
-- are decided on: every change takes the row first, so racing writers cannot pass a limit or orphan an attachment.
-- List indexes lead with the scope and the filter, continue with the order key and cover the list item.

ALTER TABLE device_certificates ADD COLUMN policy_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE policies (
    account         TEXT    NOT NULL,
    region          TEXT    NOT NULL,
    policy_name     TEXT    NOT NULL,
    default_version INTEGER NOT NULL,
    last_version    INTEGER NOT NULL,
    version_count   INTEGER NOT NULL,
    target_count    INTEGER NOT NULL,
    created_ms      INTEGER NOT NULL,
    modified_ms     INTEGER NOT NULL,
    generation_id   TEXT    NOT NULL,
    PRIMARY KEY (account, region, policy_name)
);

CREATE INDEX policies_by_created ON policies (account, region, created_ms, policy_name);

CREATE TABLE policy_versions (
    account     TEXT    NOT NULL,
    region      TEXT    NOT NULL,
    policy_name TEXT    NOT NULL,
    version_id  INTEGER NOT NULL,
    document    TEXT    NOT NULL,
    created_ms  INTEGER NOT NULL,
    PRIMARY KEY (account, region, policy_name, version_id),
    FOREIGN KEY (account, region, policy_name) REFERENCES policies (account, region, policy_name) ON DELETE CASCADE
);

CREATE TABLE policy_attachments (
    account     TEXT    NOT NULL,
    region      TEXT    NOT NULL,
    policy_name TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    attached_ms INTEGER NOT NULL,
    PRIMARY KEY (account, region, policy_name, target),
    FOREIGN KEY (account, region, policy_name) REFERENCES policies (account, region, policy_name)
);

CREATE INDEX policy_attachments_by_policy ON policy_attachments (account, region, policy_name, attached_ms, target);
CREATE INDEX policy_attachments_by_target ON policy_attachments (account, region, target, attached_ms, policy_name);
