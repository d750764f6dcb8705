-- Expert work around a review panel: the city's materials lead time, each expert's pre-review form (预审意见表),
-- signatures of the panel result (签字确认) and the district's rating of each expert's work.

-- No row means the default (shared/domain/expertWork.ts): material due 3 working days before the meeting.
CREATE TABLE expert_work_settings (
  city_code                   text PRIMARY KEY REFERENCES regions (code),
  materials_lead_working_days integer NOT NULL CHECK (materials_lead_working_days BETWEEN 0 AND 20),
  updated_by                  uuid REFERENCES users (id),
  updated_at                  timestamptz NOT NULL DEFAULT now()
);

-- One pre-review per member and panel: a draft until submitted_at, read-only afterwards.
CREATE TABLE pre_reviews (
  panel_id               uuid NOT NULL,
  expert_user_id         uuid NOT NULL,
  overall_impression     text CHECK (overall_impression IS NULL OR length(overall_impression) <= 4000),
  main_problems          text CHECK (main_problems IS NULL OR length(main_problems) <= 4000),
  questions              text CHECK (questions IS NULL OR length(questions) <= 4000),
  suggested_revisions    text CHECK (suggested_revisions IS NULL OR length(suggested_revisions) <= 4000),
  preliminary_conclusion text CHECK (preliminary_conclusion IN ('pass', 'pass_with_revision', 'fail', 'accepted', 'rejected')),
  submitted_at           timestamptz,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  city_code              text NOT NULL REFERENCES regions (code),
  district_code          text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (panel_id, expert_user_id),
  FOREIGN KEY (panel_id, expert_user_id) REFERENCES panel_members (panel_id, expert_user_id),
  CHECK (submitted_at IS NULL OR (overall_impression IS NOT NULL AND main_problems IS NOT NULL
                                  AND suggested_revisions IS NOT NULL AND preliminary_conclusion IS NOT NULL))
);

-- A member's signature of the panel result: the typed full name, and the score and grade it confirms (a result
-- that changes afterwards, e.g. by a new grading rule, needs a new signature).
CREATE TABLE panel_signatures (
  panel_id       uuid NOT NULL,
  expert_user_id uuid NOT NULL,
  signed_name    text NOT NULL CHECK (length(signed_name) BETWEEN 1 AND 100),
  panel_score    numeric(5,1) NOT NULL,
  grade          text NOT NULL CHECK (grade IN ('pass', 'pass_with_revision', 'fail', 'accepted', 'rejected')),
  signed_at      timestamptz NOT NULL DEFAULT now(),
  city_code      text NOT NULL REFERENCES regions (code),
  district_code  text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (panel_id, expert_user_id),
  FOREIGN KEY (panel_id, expert_user_id) REFERENCES panel_members (panel_id, expert_user_id)
);

-- The district's rating of each member's work after the panel decided; editable by the district.
CREATE TABLE expert_ratings (
  panel_id       uuid NOT NULL REFERENCES review_panels (id),
  expert_user_id uuid NOT NULL REFERENCES users (id),
  rating         integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment        text CHECK (comment IS NULL OR length(comment) <= 1000),
  rated_by       uuid NOT NULL REFERENCES users (id),
  rated_at       timestamptz NOT NULL DEFAULT now(),
  city_code      text NOT NULL REFERENCES regions (code),
  district_code  text NOT NULL REFERENCES regions (code),
  CONSTRAINT expert_ratings_panel_expert_uq UNIQUE (panel_id, expert_user_id),
  FOREIGN KEY (panel_id, expert_user_id) REFERENCES panel_members (panel_id, expert_user_id)
);
-- The city's list per expert (newest first) and the per-expert summary.
CREATE INDEX expert_ratings_expert_idx ON expert_ratings (city_code, expert_user_id, rated_at DESC);
CREATE INDEX expert_ratings_city_idx ON expert_ratings (city_code, rated_at DESC);
