-- Admin console, campaigns: a campaign duplicated into another language carries the source text in its default
-- language until staff translate it. Same script for H2 and PostgreSQL.
ALTER TABLE campaign ADD COLUMN needs_translation BOOLEAN DEFAULT FALSE NOT NULL;
