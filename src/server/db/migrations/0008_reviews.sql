-- Expert reviews: versioned score sheets and the grading rule per city, review panels and their members' scores.
-- The default sheets and rule of a city are inserted by the reference seed (cities exist only after it ran).

-- Score sheets (评分表) are data: every edit by the city is a new version; panels keep the version they were formed with.
CREATE TABLE score_sheets (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_code  text NOT NULL REFERENCES regions (code),
  kind       text NOT NULL CHECK (kind IN ('evaluation', 'acceptance')),
  version    integer NOT NULL CHECK (version >= 1),
  items      jsonb NOT NULL,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT score_sheets_city_kind_version_uq UNIQUE (city_code, kind, version)
);

-- The city's grading rule (aggregate, thresholds, panel size), validated by validateGradingRule.
CREATE TABLE grading_rules (
  city_code  text PRIMARY KEY REFERENCES regions (code),
  rule       jsonb NOT NULL,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One expert panel per review cycle of a round (a failed evaluation is reviewed again by a new panel).
CREATE TABLE review_panels (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id              uuid NOT NULL REFERENCES audit_rounds (id),
  kind                  text NOT NULL CHECK (kind IN ('evaluation', 'acceptance')),
  sheet_id              uuid NOT NULL REFERENCES score_sheets (id),
  formed_by             uuid REFERENCES users (id),
  formed_at             timestamptz NOT NULL DEFAULT now(),
  panel_score           numeric(5,1),
  grade                 text CHECK (grade IN ('pass', 'pass_with_revision', 'fail', 'accepted', 'rejected')),
  decided_at            timestamptz,
  -- Evaluation passed after revision: the district confirms the revised report.
  revision_confirmed_at timestamptz,
  revision_confirmed_by uuid REFERENCES users (id),
  city_code             text NOT NULL REFERENCES regions (code),
  district_code         text NOT NULL REFERENCES regions (code),
  CHECK ((decided_at IS NULL) = (grade IS NULL) AND (decided_at IS NULL) = (panel_score IS NULL)),
  CHECK (revision_confirmed_at IS NULL OR grade = 'pass_with_revision')
);
-- At most one open (undecided) panel per round and kind.
CREATE UNIQUE INDEX review_panels_open_uq ON review_panels (round_id, kind) WHERE decided_at IS NULL;
CREATE INDEX review_panels_round_idx ON review_panels (round_id, kind, formed_at);

CREATE TABLE panel_members (
  panel_id             uuid NOT NULL REFERENCES review_panels (id),
  expert_user_id       uuid NOT NULL REFERENCES users (id),
  added_at             timestamptz NOT NULL DEFAULT now(),
  conflict_declared_at timestamptz,
  has_conflict         boolean,
  conflict_note        text CHECK (conflict_note IS NULL OR length(conflict_note) <= 1000),
  scores               jsonb,
  submitted_at         timestamptz,
  -- A member replaced by the district (conflict declared, or not scored) stays on record, inactive.
  replaced_at          timestamptz,
  replaced_by          uuid REFERENCES users (id),
  CONSTRAINT panel_members_panel_expert_uq UNIQUE (panel_id, expert_user_id),
  CHECK ((conflict_declared_at IS NULL) = (has_conflict IS NULL)),
  CHECK (submitted_at IS NULL OR (scores IS NOT NULL AND has_conflict = false))
);
-- The expert scope looks rounds up by expert.
CREATE INDEX panel_members_expert_idx ON panel_members (expert_user_id, panel_id) WHERE replaced_at IS NULL;
