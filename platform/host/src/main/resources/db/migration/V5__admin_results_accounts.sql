-- Admin console, results and accounts: indexes for the per-campaign reports, two-factor login, password reset,
-- and the console's security settings. Same script for H2 and PostgreSQL.

-- Results per campaign aggregate the outbox by campaign (delivery states) and by campaign and target (the
-- constituent-pressure table); without these both would scan the whole outbox.
CREATE INDEX ix_outbox_campaign_state ON outbox_message (campaign_id, state);
CREATE INDEX ix_outbox_campaign_target ON outbox_message (campaign_id, target_id);
-- One supporter's letters, for their page and for deleting their personal data.
CREATE INDEX ix_outbox_supporter ON outbox_message (supporter_id);

-- Two-factor login (RFC 6238 TOTP). staff_user.totp_secret (V3) holds the confirmed secret (base32); the pending one
-- waits here until the person proves their app has it. totp_last_step: the last time step accepted, so a code
-- cannot be used twice.
ALTER TABLE staff_user ADD COLUMN totp_pending VARCHAR(128);
ALTER TABLE staff_user ADD COLUMN totp_last_step BIGINT;

-- Between a correct password and a correct code (at most 5 minutes, 5 wrong codes): the browser holds a random
-- id, only its SHA-256 is stored.
CREATE TABLE staff_login_challenge (
    id_hash     VARCHAR(64) PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    failures    INTEGER DEFAULT 0 NOT NULL,
    CONSTRAINT fk_login_challenge_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
);

-- A password reset link: single use, expiring; only the SHA-256 of its token is stored.
CREATE TABLE password_reset_token (
    token_hash  VARCHAR(64) PRIMARY KEY,
    user_id     BIGINT NOT NULL,
    created_at  TIMESTAMP NOT NULL,
    expires_at  TIMESTAMP NOT NULL,
    used_at     TIMESTAMP,
    CONSTRAINT fk_password_reset_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_password_reset_user ON password_reset_token (user_id, created_at);

-- Console-wide security settings owners change (e.g. two_factor_required = true).
CREATE TABLE security_setting (
    setting_key   VARCHAR(80) PRIMARY KEY,
    setting_value VARCHAR(500) NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
