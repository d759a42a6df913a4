-- Things, their attributes and principals, and tags keyed by resource ARN, as store-sqlite's V4. Every table and
-- index leads with the scope (account, region); list indexes continue with the filter, then the name the list is
-- ordered by, and INCLUDE the list item's other columns, so a page is one index-only range read. Names compare in
-- byte order (COLLATE "C"), as in SQLite.

CREATE TABLE things (
    account    TEXT COLLATE "C" NOT NULL,
    region     TEXT COLLATE "C" NOT NULL,
    thing_name TEXT COLLATE "C" NOT NULL,
    thing_id   TEXT             NOT NULL,
    thing_type TEXT COLLATE "C",
    version    BIGINT           NOT NULL,
    PRIMARY KEY (account, region, thing_name)
);

CREATE TABLE thing_attributes (
    account    TEXT COLLATE "C" NOT NULL,
    region     TEXT COLLATE "C" NOT NULL,
    thing_name TEXT COLLATE "C" NOT NULL,
    attr_name  TEXT COLLATE "C" NOT NULL,
    attr_value TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (account, region, thing_name, attr_name) INCLUDE (attr_value),
    FOREIGN KEY (account, region, thing_name) REFERENCES things (account, region, thing_name) ON DELETE CASCADE
);

CREATE INDEX thing_attributes_by_value ON thing_attributes (account, region, attr_name, attr_value, thing_name);
CREATE INDEX thing_attributes_by_name
    ON thing_attributes (account, region, attr_name, thing_name) INCLUDE (attr_value);

CREATE TABLE thing_principals (
    account        TEXT COLLATE "C" NOT NULL,
    region         TEXT COLLATE "C" NOT NULL,
    thing_name     TEXT COLLATE "C" NOT NULL,
    cert_id        TEXT COLLATE "C" NOT NULL,
    principal_type TEXT             NOT NULL,
    attached_ms    BIGINT           NOT NULL,
    PRIMARY KEY (account, region, thing_name, cert_id) INCLUDE (principal_type),
    FOREIGN KEY (account, region, thing_name) REFERENCES things (account, region, thing_name),
    FOREIGN KEY (account, region, cert_id) REFERENCES device_certificates (account, region, cert_id)
);

CREATE INDEX thing_principals_by_certificate
    ON thing_principals (account, region, cert_id, thing_name) INCLUDE (principal_type);

CREATE TABLE tagged_resources (
    account      TEXT COLLATE "C" NOT NULL,
    region       TEXT COLLATE "C" NOT NULL,
    resource_arn TEXT COLLATE "C" NOT NULL,
    tag_writes   BIGINT           NOT NULL,
    PRIMARY KEY (account, region, resource_arn)
);

CREATE TABLE resource_tags (
    account      TEXT COLLATE "C" NOT NULL,
    region       TEXT COLLATE "C" NOT NULL,
    resource_arn TEXT COLLATE "C" NOT NULL,
    tag_key      TEXT COLLATE "C" NOT NULL,
    tag_value    TEXT,
    PRIMARY KEY (account, region, resource_arn, tag_key) INCLUDE (tag_value)
);

INSERT INTO resource_tags (account, region, resource_arn, tag_key, tag_value)
SELECT DISTINCT ON (account, region, cert_id, tag_key) account, region,
       'arn:' || CASE WHEN region LIKE 'cn-%' THEN 'aws-cn' WHEN region LIKE 'us-gov-%' THEN 'aws-us-gov' ELSE 'aws'
           END || ':iot:' || region || ':' || account || ':cacert/' || cert_id,
       tag_key, tag_value
FROM ca_certificate_tags
ORDER BY account, region, cert_id, tag_key, position DESC;

DROP TABLE ca_certificate_tags;
