-- Calendar: per-user subscription tokens for the iCalendar feed, and indexes of the due-date columns
-- the calendar reads by range (report_due and acceptance_due are indexed since 0002).

-- One active feed token per user. Only the SHA-256 of the token is stored; regenerating replaces the
-- row, so the old address stops working at once.
CREATE TABLE calendar_feed_tokens (
  user_id    uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT calendar_feed_tokens_hash_uq UNIQUE (token_hash)
);

CREATE INDEX audit_rounds_disclose_due_idx ON audit_rounds (disclose_due);
CREATE INDEX audit_rounds_start_due_idx ON audit_rounds (start_due);
