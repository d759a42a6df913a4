-- The schema of store-sqlite's V1 in PostgreSQL types. Every table and index leads with the scope (account, region).
-- List indexes continue with the filter, then the order key (created_ms, cert_id), and INCLUDE the list item's
-- other columns, so a page is one index-only range read.
--
-- Identifiers compare in byte order (COLLATE "C"), as in SQLite: a list's order, and so where a marker resumes, must
-- not depend on the store or on the database's locale.

CREATE TABLE registration_codes (
    account TEXT COLLATE "C" NOT NULL,
    region  TEXT COLLATE "C" NOT NULL,
    code    TEXT             NOT NULL,
    PRIMARY KEY (account, region)
);

CREATE TABLE ca_certificates (
    account           TEXT COLLATE "C" NOT NULL,
    region            TEXT COLLATE "C" NOT NULL,
    cert_id           TEXT COLLATE "C" NOT NULL,
    pem               TEXT             NOT NULL,
    subject           TEXT             NOT NULL,
    status            TEXT             NOT NULL,
    auto_registration TEXT             NOT NULL,
    mode              TEXT             NOT NULL,
    template_body     TEXT,
    role_arn          TEXT,
    template_name     TEXT COLLATE "C",
    not_before_ms     BIGINT           NOT NULL,
    not_after_ms      BIGINT           NOT NULL,
    created_ms        BIGINT           NOT NULL,
    modified_ms       BIGINT           NOT NULL,
    customer_version  INTEGER          NOT NULL,
    generation_id     TEXT             NOT NULL,
    PRIMARY KEY (account, region, cert_id)
);

-- One account per region may hold a CA in DEFAULT mode: the database decides races between accounts.
CREATE UNIQUE INDEX ca_certificates_default_mode ON ca_certificates (region, cert_id) WHERE mode = 'DEFAULT';
CREATE INDEX ca_certificates_by_subject ON ca_certificates (account, region, subject);
CREATE INDEX ca_certificates_by_created
    ON ca_certificates (account, region, created_ms, cert_id) INCLUDE (status, mode);
CREATE INDEX ca_certificates_by_template
    ON ca_certificates (account, region, template_name, created_ms, cert_id) INCLUDE (status, mode);

CREATE TABLE ca_certificate_tags (
    account   TEXT COLLATE "C" NOT NULL,
    region    TEXT COLLATE "C" NOT NULL,
    cert_id   TEXT COLLATE "C" NOT NULL,
    position  INTEGER          NOT NULL,
    tag_key   TEXT             NOT NULL,
    tag_value TEXT,
    PRIMARY KEY (account, region, cert_id, position),
    FOREIGN KEY (account, region, cert_id) REFERENCES ca_certificates (account, region, cert_id) ON DELETE CASCADE
);

CREATE TABLE device_certificates (
    account          TEXT COLLATE "C" NOT NULL,
    region           TEXT COLLATE "C" NOT NULL,
    cert_id          TEXT COLLATE "C" NOT NULL,
    pem              TEXT             NOT NULL,
    ca_id            TEXT COLLATE "C",
    status           TEXT             NOT NULL,
    mode             TEXT             NOT NULL,
    not_before_ms    BIGINT           NOT NULL,
    not_after_ms     BIGINT           NOT NULL,
    created_ms       BIGINT           NOT NULL,
    modified_ms      BIGINT           NOT NULL,
    customer_version INTEGER          NOT NULL,
    generation_id    TEXT             NOT NULL,
    PRIMARY KEY (account, region, cert_id)
);

CREATE INDEX device_certificates_by_ca
    ON device_certificates (account, region, ca_id, created_ms, cert_id) INCLUDE (status, mode);
CREATE INDEX device_certificates_by_created
    ON device_certificates (account, region, created_ms, cert_id) INCLUDE (status, mode);
