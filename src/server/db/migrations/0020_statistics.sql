-- Statistics: the 附件3 annual summary table (computed from rounds and options), the districts' submissions of
-- their row with a frozen snapshot, and the voluntary-audit marker the table counts.

-- A voluntary audit (自愿审核, DOMAIN §6) is a round the enterprise undertakes without a mandatory reason; it runs
-- through the same lifecycle. The marker is all 附件3 needs ("of which voluntary").
ALTER TABLE audit_rounds ADD COLUMN voluntary boolean NOT NULL DEFAULT false;

-- The summary reads the year's transitions per city (started / report / evaluated / accepted by date) ...
CREATE INDEX round_history_city_state_time_idx ON round_history (city_code, to_state, occurred_at);
-- ... and the options that became effective in the year.
CREATE INDEX round_options_effective_idx ON round_options (city_code, actual_effective_on) WHERE status = 'implemented';
CREATE INDEX round_options_round_idx ON round_options (round_id, category, status);

-- One submission per district and year: the narrative, and once submitted the frozen row.
CREATE TABLE summary_submissions (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_code         text NOT NULL REFERENCES regions (code),
  district_code     text NOT NULL REFERENCES regions (code),
  year              integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  state             text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'accepted', 'returned')),
  main_practices    text,
  problems          text,
  next_steps        text,
  -- {catalogueVersion, computedAt, values: {column key: figure}}: the row as it was when submitted.
  snapshot          jsonb,
  first_submitted_at timestamptz,
  submitted_at      timestamptz,
  submitted_by      uuid REFERENCES users (id),
  reviewed_at       timestamptz,
  reviewed_by       uuid REFERENCES users (id),
  review_comment    text,
  version           integer NOT NULL DEFAULT 1,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT summary_submissions_district_year_uq UNIQUE (district_code, year),
  CHECK (state = 'draft' OR snapshot IS NOT NULL),
  CHECK (state <> 'returned' OR btrim(COALESCE(review_comment, '')) <> '')
);
CREATE INDEX summary_submissions_city_year_idx ON summary_submissions (city_code, year, state);

-- Every step of a submission (saved, submitted, accepted, returned), with the snapshot submitted at that step.
CREATE TABLE summary_submission_history (
  id             bigserial PRIMARY KEY,
  submission_id  uuid NOT NULL REFERENCES summary_submissions (id),
  action         text NOT NULL CHECK (action IN ('submit', 'resubmit', 'accept', 'return')),
  from_state     text NOT NULL,
  to_state       text NOT NULL,
  comment        text,
  snapshot       jsonb,
  actor_user_id  uuid REFERENCES users (id),
  actor_username text,
  occurred_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX summary_submission_history_idx ON summary_submission_history (submission_id, occurred_at, id);
