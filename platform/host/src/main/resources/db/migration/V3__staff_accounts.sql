-- Admin console: staff accounts, their server-side sessions, the one-time setup token and the audit log.
-- Same script for H2 and PostgreSQL. Ids come from sequences like V1's (allocated 50 at a time).

CREATE SEQUENCE staff_user_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_log_seq START WITH 50 INCREMENT BY 50;

-- E-mail is stored lower-cased, so the unique constraint is case-insensitive in effect.
-- password_hash: a PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash). totp_secret: reserved for two-factor login.
CREATE TABLE staff_user (
    id            BIGINT PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    password_hash VARCHAR(255) NOT NULL,
    role          VARCHAR(20) NOT NULL,
    totp_secret   VARCHAR(128),
    disabled      BOOLEAN DEFAULT FALSE NOT NULL,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    CONSTRAINT uq_staff_user_email UNIQUE (email),
    CONSTRAINT ck_staff_user_role CHECK (role IN ('OWNER', 'ORGANIZER', 'VIEWER'))
);

-- A signed-in browser. Only the SHA-256 of the cookie's random id is stored: a leaked table opens no session.
-- Rows (not an in-memory map) so that sessions survive a restart and work across instances.
CREATE TABLE staff_session (
    id_hash      VARCHAR(64) PRIMARY KEY,
    user_id      BIGINT NOT NULL,
    csrf_token   VARCHAR(64) NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    CONSTRAINT fk_staff_session_user FOREIGN KEY (user_id) REFERENCES staff_user (id) ON DELETE CASCADE
);
CREATE INDEX ix_staff_session_user ON staff_session (user_id);

-- The first-start token that lets someone create the first owner; only its SHA-256 is stored. Single use.
CREATE TABLE setup_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP
);

-- Append-only: the application only ever inserts (there is no update or delete path in the code).
CREATE TABLE audit_log (
    id          BIGINT PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor_id    BIGINT,
    actor_email VARCHAR(254),
    action      VARCHAR(80) NOT NULL,
    subject     VARCHAR(200),
    before_json TEXT,
    after_json  TEXT
);
CREATE INDEX ix_audit_log_occurred ON audit_log (occurred_at);
