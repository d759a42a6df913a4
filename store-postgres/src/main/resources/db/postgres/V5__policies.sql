-- Policies, their versions and their attachments, as store-sqlite's V5. The counters on the policy row
-- (version_count, target_count) and on the certificate row (policy_count) are what the limits and delete guards
-- are decided on: every change locks the row first, so racing nodes cannot pass a limit or orphan an attachment.

ALTER TABLE device_certificates ADD COLUMN policy_count INTEGER NOT NULL DEFAULT 0;

CREATE TABLE policies (
    account         TEXT COLLATE "C" NOT NULL,
    region          TEXT COLLATE "C" NOT NULL,
    policy_name     TEXT COLLATE "C" NOT NULL,
    default_version BIGINT           NOT NULL,
    last_version    BIGINT           NOT NULL,
    version_count   INTEGER          NOT NULL,
    target_count    INTEGER          NOT NULL,
    created_ms      BIGINT           NOT NULL,
    modified_ms     BIGINT           NOT NULL,
    generation_id   TEXT             NOT NULL,
    PRIMARY KEY (account, region, policy_name)
);

CREATE INDEX policies_by_created ON policies (account, region, created_ms, policy_name);

CREATE TABLE policy_versions (
    account     TEXT COLLATE "C" NOT NULL,
    region      TEXT COLLATE "C" NOT NULL,
    policy_name TEXT COLLATE "C" NOT NULL,
    version_id  BIGINT           NOT NULL,
    document    TEXT             NOT NULL,
    created_ms  BIGINT           NOT NULL,
    PRIMARY KEY (account, region, policy_name, version_id),
    FOREIGN KEY (account, region, policy_name) REFERENCES policies (account, region, policy_name) ON DELETE CASCADE
);

CREATE TABLE policy_attachments (
    account     TEXT COLLATE "C" NOT NULL,
    region      TEXT COLLATE "C" NOT NULL,
    policy_name TEXT COLLATE "C" NOT NULL,
    target      TEXT COLLATE "C" NOT NULL,
    attached_ms BIGINT           NOT NULL,
    PRIMARY KEY (account, region, policy_name, target),
    FOREIGN KEY (account, region, policy_name) REFERENCES policies (account, region, policy_name)
);

CREATE INDEX policy_attachments_by_policy ON policy_attachments (account, region, policy_name, attached_ms, target);
CREATE INDEX policy_attachments_by_target ON policy_attachments (account, region, target, attached_ms, policy_name);
