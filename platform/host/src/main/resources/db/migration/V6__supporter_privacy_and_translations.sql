-- Supporter experience: a campaign's privacy safe mode, and campaign actions in more than one language.
-- Same script for H2 and PostgreSQL.

-- Privacy safe mode (campaign file `privacy:`): use a street address only to find the districts; keep only the
-- host of a referrer; erase supporters' personal data N days after their action unless they opted in (0 = keep).
ALTER TABLE campaign ADD COLUMN privacy_discard_street BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE campaign ADD COLUMN privacy_keep_referrer BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE campaign ADD COLUMN privacy_purge_days INTEGER DEFAULT 0 NOT NULL;

-- An action's title and translatable settings per language: {"es": {"title": "…", "settings": {…overrides…}}}.
ALTER TABLE campaign_action ADD COLUMN translations_json VARCHAR(200000);

-- When the purge erased an action record's personal data (its payload reduced by the action type, no referrer).
ALTER TABLE action_record ADD COLUMN forgotten_at TIMESTAMP;
CREATE INDEX ix_action_record_forget ON action_record (forgotten_at, created_at);
