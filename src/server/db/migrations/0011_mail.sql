-- E-mail delivery: the outbox (written in the same transaction as the notification it carries),
-- and each user's e-mail preferences.

-- Per-user preferences. No row means the defaults: every kind by e-mail, no daily digest.
CREATE TABLE mail_preferences (
  user_id        uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  -- Notification kinds (shared/domain/notificationKinds.ts) the user does NOT want by e-mail.
  disabled_kinds text[] NOT NULL DEFAULT '{}',
  daily_digest   boolean NOT NULL DEFAULT false,
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mail_preferences_digest_idx ON mail_preferences (user_id) WHERE daily_digest;

-- One row per message and recipient. The sender claims due rows with FOR UPDATE SKIP LOCKED
-- (status 'sending' with a lease in next_attempt_at, so a crashed sender's rows come back).
CREATE TABLE mail_outbox (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_code       text NOT NULL REFERENCES regions (code),
  notification_id uuid REFERENCES notifications (id) ON DELETE SET NULL,
  user_id         uuid NOT NULL REFERENCES users (id),
  recipient       text NOT NULL CHECK (btrim(recipient) <> ''),
  locale          text NOT NULL CHECK (locale IN ('zh-CN', 'en')),
  -- A notification kind, or 'digest'.
  kind            text NOT NULL CHECK (kind ~ '^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$'),
  subject         text NOT NULL,
  -- Plain text; '{{link}}' stands for the absolute address of `link`, filled in when sent.
  body            text NOT NULL,
  link            text,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts        int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  sent_at         timestamptz,
  -- The daily digest: 'digest:<user id>:<YYYY-MM-DD>', so a user gets at most one per day.
  dedupe_key      text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT mail_outbox_dedupe_uq UNIQUE (dedupe_key)
);
-- The sender's "due" scan.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
-- The administrators' list, newest first, by status.
CREATE INDEX mail_outbox_city_idx ON mail_outbox (city_code, created_at DESC, id DESC);
CREATE INDEX mail_outbox_city_status_idx ON mail_outbox (city_code, status, created_at DESC, id DESC);
CREATE INDEX mail_outbox_notification_idx ON mail_outbox (notification_id) WHERE notification_id IS NOT NULL;
