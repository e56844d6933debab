-- Mail outbox delivery: what the worker needs beyond V1's outbox_message. Same script for H2 and PostgreSQL
-- (one column or constraint per statement, only syntax both accept).

-- The recipient's domain, for the per-domain rate limit. Stored rather than computed in queries, so the
-- "how many claims to this domain in the last minute" count is an index range scan on both databases.
ALTER TABLE outbox_message ADD COLUMN to_domain VARCHAR(254);
UPDATE outbox_message SET to_domain = LOWER(SUBSTRING(to_address FROM POSITION('@' IN to_address) + 1));
ALTER TABLE outbox_message ALTER COLUMN to_domain SET NOT NULL;

-- LETTER: one supporter's message. DIGEST: one message the digest job wrote, listing the letters folded into it.
ALTER TABLE outbox_message ADD COLUMN kind VARCHAR(20) DEFAULT 'LETTER' NOT NULL;

-- For a letter with a digest_key: the DIGEST row it was folded into (null while it waits for its day's digest).
-- The letter stays QUEUED until that digest is SENT (or DEAD), then takes its state.
ALTER TABLE outbox_message ADD COLUMN digest_id BIGINT;
ALTER TABLE outbox_message ADD CONSTRAINT fk_outbox_digest FOREIGN KEY (digest_id)
    REFERENCES outbox_message (id) ON DELETE SET NULL;

CREATE INDEX ix_outbox_domain_claimed ON outbox_message (to_domain, claimed_at);
CREATE INDEX ix_outbox_digest ON outbox_message (digest_id);
