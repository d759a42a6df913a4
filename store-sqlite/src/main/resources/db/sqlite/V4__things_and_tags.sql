-- Things, their attributes and principals, and tags keyed by resource ARN for every taggable resource kind.
-- Every table and index leads with the scope (account, region); list indexes continue with the filter, then the
-- name the list is ordered by, and cover the list item's columns, so a page is one index range read.

CREATE TABLE things (
    account    TEXT    NOT NULL,
    region     TEXT    NOT NULL,
    thing_name TEXT    NOT NULL,
    thing_id   TEXT    NOT NULL,
    thing_type TEXT,
    version    INTEGER NOT NULL,
    PRIMARY KEY (account, region, thing_name)
);

CREATE TABLE thing_attributes (
    account    TEXT NOT NULL,
    region     TEXT NOT NULL,
    thing_name TEXT NOT NULL,
    attr_name  TEXT NOT NULL,
    attr_value TEXT NOT NULL,
    PRIMARY KEY (account, region, thing_name, attr_name),
    FOREIGN KEY (account, region, thing_name) REFERENCES things (account, region, thing_name) ON DELETE CASCADE
) WITHOUT ROWID;

-- ListThings by attributeName and attributeValue.
CREATE INDEX thing_attributes_by_value ON thing_attributes (account, region, attr_name, attr_value, thing_name);
-- ListThings by attributeName alone, or with a value prefix (compared in the index).
CREATE INDEX thing_attributes_by_name ON thing_attributes (account, region, attr_name, thing_name, attr_value);

-- A thing or a certificate with attachments cannot be deleted, nor a certificate moved to another account, while
-- the rows below refer to it.
CREATE TABLE thing_principals (
    account        TEXT    NOT NULL,
    region         TEXT    NOT NULL,
    thing_name     TEXT    NOT NULL,
    cert_id        TEXT    NOT NULL,
    principal_type TEXT    NOT NULL,
    attached_ms    INTEGER NOT NULL,
    PRIMARY KEY (account, region, thing_name, cert_id),
    FOREIGN KEY (account, region, thing_name) REFERENCES things (account, region, thing_name),
    FOREIGN KEY (account, region, cert_id) REFERENCES device_certificates (account, region, cert_id)
) WITHOUT ROWID;

CREATE INDEX thing_principals_by_certificate
    ON thing_principals (account, region, cert_id, thing_name, principal_type);

-- One row per resource that was ever tagged: a tag write locks it, so the 50-tag limit is decided by one writer
-- at a time per resource.
CREATE TABLE tagged_resources (
    account      TEXT    NOT NULL,
    region       TEXT    NOT NULL,
    resource_arn TEXT    NOT NULL,
    tag_writes   INTEGER NOT NULL,
    PRIMARY KEY (account, region, resource_arn)
) WITHOUT ROWID;

CREATE TABLE resource_tags (
    account      TEXT NOT NULL,
    region       TEXT NOT NULL,
    resource_arn TEXT NOT NULL,
    tag_key      TEXT NOT NULL,
    tag_value    TEXT,
    PRIMARY KEY (account, region, resource_arn, tag_key)
) WITHOUT ROWID;

-- The tags of CA certificates move here, keyed by the CA's ARN; a key registered twice keeps its last value.
INSERT INTO resource_tags (account, region, resource_arn, tag_key, tag_value)
SELECT account, region,
       'arn:' || CASE WHEN region LIKE 'cn-%' THEN 'aws-cn' WHEN region LIKE 'us-gov-%' THEN 'aws-us-gov' ELSE 'aws'
           END || ':iot:' || region || ':' || account || ':cacert/' || cert_id,
       tag_key, tag_value
FROM ca_certificate_tags t
WHERE position = (SELECT max(position) FROM ca_certificate_tags l WHERE l.account = t.account
                  AND l.region = t.region AND l.cert_id = t.cert_id AND l.tag_key = t.tag_key);

DROP TABLE ca_certificate_tags;
