-- Core domain of the host. Written once for H2 (embedded default) and PostgreSQL (production):
-- only types and syntax both accept, so the same migration runs unchanged on each.

-- Ids come from sequences (allocated 50 at a time) rather than identity columns: the same on H2 and
-- PostgreSQL, and inserts can be batched.
CREATE SEQUENCE campaign_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE campaign_translation_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE campaign_action_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE supporter_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE consent_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE action_record_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE division_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE target_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE outbox_message_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE campaign (
    id                  BIGINT        PRIMARY KEY,
    slug                VARCHAR(120)  NOT NULL,
    title               VARCHAR(300)  NOT NULL,
    summary             VARCHAR(2000),
    body_markdown       VARCHAR(200000),
    theme               VARCHAR(80)   NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    organization_name   VARCHAR(200),
    default_language    VARCHAR(20)   NOT NULL,
    languages           VARCHAR(200)  NOT NULL,
    starts_at           TIMESTAMP,
    ends_at             TIMESTAMP,
    share_title         VARCHAR(300),
    share_description   VARCHAR(1000),
    share_image         VARCHAR(500),
    source_file         VARCHAR(500),
    source_hash         VARCHAR(64),
    imported_at         TIMESTAMP,
    staff_edited_at     TIMESTAMP,
    published_at        TIMESTAMP,
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT uq_campaign_slug UNIQUE (slug)
);

CREATE TABLE campaign_translation (
    id                  BIGINT        PRIMARY KEY,
    campaign_id         BIGINT        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    locale              VARCHAR(20)   NOT NULL,
    title               VARCHAR(300),
    summary             VARCHAR(2000),
    body_markdown       VARCHAR(200000),
    share_title         VARCHAR(300),
    share_description   VARCHAR(1000),
    machine_translated  BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT uq_campaign_translation UNIQUE (campaign_id, locale)
);

CREATE TABLE campaign_action (
    id                  BIGINT        PRIMARY KEY,
    campaign_id         BIGINT        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    action_key          VARCHAR(80)   NOT NULL,
    action_type         VARCHAR(80)   NOT NULL,
    title               VARCHAR(300),
    position            INTEGER       NOT NULL,
    settings_json       VARCHAR(200000) NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT uq_campaign_action_key UNIQUE (campaign_id, action_key)
);

CREATE TABLE supporter (
    id                  BIGINT        PRIMARY KEY,
    email               VARCHAR(254)  NOT NULL,
    first_name          VARCHAR(100),
    last_name           VARCHAR(100),
    street              VARCHAR(200),
    town                VARCHAR(100),
    postal_code         VARCHAR(20),
    locale              VARCHAR(20),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT uq_supporter_email UNIQUE (email)
);

CREATE TABLE consent (
    id                  BIGINT        PRIMARY KEY,
    supporter_id        BIGINT        NOT NULL REFERENCES supporter (id) ON DELETE CASCADE,
    campaign_id         BIGINT        REFERENCES campaign (id) ON DELETE SET NULL,
    consent_key         VARCHAR(120)  NOT NULL,
    granted             BOOLEAN       NOT NULL,
    recorded_at         TIMESTAMP     NOT NULL,
    source              VARCHAR(120)
);
CREATE INDEX ix_consent_supporter ON consent (supporter_id, consent_key, recorded_at);

CREATE TABLE action_record (
    id                  BIGINT        PRIMARY KEY,
    campaign_action_id  BIGINT        NOT NULL REFERENCES campaign_action (id),
    supporter_id        BIGINT        REFERENCES supporter (id) ON DELETE SET NULL,
    created_at          TIMESTAMP     NOT NULL,
    landed_at           TIMESTAMP,
    source_code         VARCHAR(80),
    referrer            VARCHAR(500),
    idempotency_key     VARCHAR(80)   NOT NULL,
    unique_key          VARCHAR(300),
    payload_json        VARCHAR(200000) NOT NULL,
    CONSTRAINT uq_action_idempotency UNIQUE (idempotency_key),
    CONSTRAINT uq_action_unique_key UNIQUE (campaign_action_id, unique_key)
);
CREATE INDEX ix_action_record_campaign_action ON action_record (campaign_action_id, created_at);
CREATE INDEX ix_action_record_supporter ON action_record (supporter_id);

CREATE TABLE division (
    id                  BIGINT        PRIMARY KEY,
    ocd_id              VARCHAR(200)  NOT NULL,
    kind                VARCHAR(40)   NOT NULL,
    chamber             VARCHAR(20),
    name                VARCHAR(200)  NOT NULL,
    geometry_wkt        VARCHAR(10000000),
    source              VARCHAR(500),
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT uq_division_ocd UNIQUE (ocd_id)
);

CREATE TABLE target (
    id                  BIGINT        PRIMARY KEY,
    external_id         VARCHAR(200)  NOT NULL,
    kind                VARCHAR(40)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    given_name          VARCHAR(100),
    family_name         VARCHAR(100),
    title               VARCHAR(60),
    chamber             VARCHAR(20),
    party               VARCHAR(60),
    email               VARCHAR(254),
    phone               VARCHAR(60),
    photo_url           VARCHAR(500),
    division_id         BIGINT        REFERENCES division (id),
    status              VARCHAR(20)   NOT NULL,
    data_json           VARCHAR(100000),
    source              VARCHAR(500),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT uq_target_external UNIQUE (external_id)
);
CREATE INDEX ix_target_division ON target (division_id, status);

CREATE TABLE outbox_message (
    id                  BIGINT        PRIMARY KEY,
    action_record_id    BIGINT        REFERENCES action_record (id) ON DELETE SET NULL,
    campaign_id         BIGINT        REFERENCES campaign (id) ON DELETE SET NULL,
    supporter_id        BIGINT        REFERENCES supporter (id) ON DELETE SET NULL,
    target_id           BIGINT        REFERENCES target (id),
    plugin_id           VARCHAR(80),
    to_address          VARCHAR(254)  NOT NULL,
    to_name             VARCHAR(200),
    from_name           VARCHAR(300),
    reply_to            VARCHAR(254),
    subject             VARCHAR(500)  NOT NULL,
    body                VARCHAR(200000) NOT NULL,
    digest_key          VARCHAR(200),
    message_id          VARCHAR(200)  NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    attempts            INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMP     NOT NULL,
    claimed_at          TIMESTAMP,
    claimed_by          VARCHAR(80),
    last_error          VARCHAR(2000),
    created_at          TIMESTAMP     NOT NULL,
    sent_at             TIMESTAMP,
    CONSTRAINT uq_outbox_message_id UNIQUE (message_id)
);
CREATE INDEX ix_outbox_due ON outbox_message (state, next_attempt_at);
CREATE INDEX ix_outbox_action ON outbox_message (action_record_id);

CREATE TABLE plugin_document (
    plugin_id           VARCHAR(80)   NOT NULL,
    collection          VARCHAR(80)   NOT NULL,
    doc_key             VARCHAR(200)  NOT NULL,
    body                VARCHAR(1000000) NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    PRIMARY KEY (plugin_id, collection, doc_key)
);

CREATE TABLE plugin_state (
    plugin_id           VARCHAR(80)   PRIMARY KEY,
    enabled             BOOLEAN       NOT NULL,
    updated_at          TIMESTAMP     NOT NULL
);
