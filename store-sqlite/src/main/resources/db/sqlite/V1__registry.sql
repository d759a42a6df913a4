-- Every table and index leads with the scope (account, region). List indexes continue with the filter, then the
-- order key (created_ms, cert_id), and cover the list item's columns, so a page is one index range read.

CREATE TABLE registration_codes (
    account TEXT NOT NULL,
    region  TEXT NOT NULL,
    code    TEXT NOT NULL,
    PRIMARY KEY (account, region)
) WITHOUT ROWID;

CREATE TABLE ca_certificates (
    account           TEXT    NOT NULL,
    region            TEXT    NOT NULL,
    cert_id           TEXT    NOT NULL,
    pem               TEXT    NOT NULL,
    subject           TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    auto_registration TEXT    NOT NULL,
    mode              TEXT    NOT NULL,
    template_body     TEXT,
    role_arn          TEXT,
    template_name     TEXT,
    not_before_ms     INTEGER NOT NULL,
    not_after_ms      INTEGER NOT NULL,
    created_ms        INTEGER NOT NULL,
    modified_ms       INTEGER NOT NULL,
    customer_version  INTEGER NOT NULL,
    generation_id     TEXT    NOT NULL,
    PRIMARY KEY (account, region, cert_id)
);

-- One account per region may hold a CA in DEFAULT mode: the database decides races between accounts.
CREATE UNIQUE INDEX ca_certificates_default_mode ON ca_certificates (region, cert_id) WHERE mode = 'DEFAULT';
CREATE INDEX ca_certificates_by_subject ON ca_certificates (account, region, subject);
CREATE INDEX ca_certificates_by_created ON ca_certificates (account, region, created_ms, cert_id, status, mode);
CREATE INDEX ca_certificates_by_template
    ON ca_certificates (account, region, template_name, created_ms, cert_id, status, mode);

CREATE TABLE ca_certificate_tags (
    account   TEXT    NOT NULL,
    region    TEXT    NOT NULL,
    cert_id   TEXT    NOT NULL,
    position  INTEGER NOT NULL,
    tag_key   TEXT    NOT NULL,
    tag_value TEXT,
    PRIMARY KEY (account, region, cert_id, position),
    FOREIGN KEY (account, region, cert_id) REFERENCES ca_certificates (account, region, cert_id) ON DELETE CASCADE
);

CREATE TABLE device_certificates (
    account          TEXT    NOT NULL,
    region           TEXT    NOT NULL,
    cert_id          TEXT    NOT NULL,
    pem              TEXT    NOT NULL,
    ca_id            TEXT,
    status           TEXT    NOT NULL,
    mode             TEXT    NOT NULL,
    not_before_ms    INTEGER NOT NULL,
    not_after_ms     INTEGER NOT NULL,
    created_ms       INTEGER NOT NULL,
    modified_ms      INTEGER NOT NULL,
    customer_version INTEGER NOT NULL,
    generation_id    TEXT    NOT NULL,
    PRIMARY KEY (account, region, cert_id)
);

CREATE INDEX device_certificates_by_ca
    ON device_certificates (account, region, ca_id, created_ms, cert_id, status, mode);
CREATE INDEX device_certificates_by_created
    ON device_certificates (account, region, created_ms, cert_id, status, mode);
