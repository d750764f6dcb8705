-- Public portal: batches of published acceptance results, in-app notifications, indexes of the public lists.

-- A batch of accepted results the city publishes together (e.g. "2021年第一批清洁生产审核验收结果").
CREATE TABLE result_batches (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_code    text NOT NULL REFERENCES regions (code),
  title        text NOT NULL CHECK (btrim(title) <> ''),
  published_on date NOT NULL,
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT result_batches_city_title_uq UNIQUE (city_code, title)
);
CREATE INDEX result_batches_city_published_idx ON result_batches (city_code, published_on DESC, created_at DESC);
CREATE INDEX result_batches_published_idx ON result_batches (published_on DESC, created_at DESC);

-- The batch that published a round's result (set when the round goes accepted → closed).
ALTER TABLE audit_rounds ADD COLUMN result_batch_id uuid REFERENCES result_batches (id);
CREATE INDEX audit_rounds_result_batch_idx ON audit_rounds (result_batch_id, district_code) WHERE result_batch_id IS NOT NULL;

-- The public lists show only published rounds: by year and district.
CREATE INDEX audit_rounds_public_list_idx ON audit_rounds (listing_year, district_code)
  WHERE list_published_on IS NOT NULL;

-- In-app notifications to an organisation (every user of it) and/or one user. `kind` is a code
-- (shared/domain/notificationKinds.ts) so later channels (e-mail) can key on it; texts are stored
-- in both languages as written at the time.
CREATE TABLE notifications (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recipient_org_id  uuid REFERENCES organizations (id),
  recipient_user_id uuid REFERENCES users (id),
  kind              text NOT NULL CHECK (kind ~ '^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*$'),
  round_id          uuid REFERENCES audit_rounds (id),
  title_zh          text NOT NULL,
  title_en          text NOT NULL,
  body_zh           text,
  body_en           text,
  link              text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  read_at           timestamptz,
  CHECK (recipient_org_id IS NOT NULL OR recipient_user_id IS NOT NULL)
);
-- "Mine, newest first" and "mine, unread, newest first", for either kind of recipient.
CREATE INDEX notifications_org_idx ON notifications (recipient_org_id, created_at DESC, id DESC)
  WHERE recipient_org_id IS NOT NULL;
CREATE INDEX notifications_org_unread_idx ON notifications (recipient_org_id, created_at DESC, id DESC)
  WHERE recipient_org_id IS NOT NULL AND read_at IS NULL;
CREATE INDEX notifications_user_idx ON notifications (recipient_user_id, created_at DESC, id DESC)
  WHERE recipient_user_id IS NOT NULL;
CREATE INDEX notifications_user_unread_idx ON notifications (recipient_user_id, created_at DESC, id DESC)
  WHERE recipient_user_id IS NOT NULL AND read_at IS NULL;
CREATE INDEX notifications_round_idx ON notifications (round_id) WHERE round_id IS NOT NULL;
