-- Audit round lifecycle, first slice: campaigns, plan lists (附件4), audit rounds and their history.

-- A city's annual campaign (年度工作): the notice, its milestones and the deadline rules in force.
-- The rules are columns (not literals in code) so the city can change them per year.
CREATE TABLE campaigns (
  id                                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_code                          text NOT NULL REFERENCES regions (code),
  year                               integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  notice_no                          text,
  title                              text NOT NULL,
  disclose_months                    integer NOT NULL CHECK (disclose_months BETWEEN 1 AND 12),
  start_months                       integer NOT NULL CHECK (start_months BETWEEN 1 AND 24),
  report_months                      integer NOT NULL CHECK (report_months BETWEEN 1 AND 36),
  acceptance_months_after_evaluation integer NOT NULL CHECK (acceptance_months_after_evaluation BETWEEN 1 AND 36),
  toxic_interval_years               integer NOT NULL CHECK (toxic_interval_years BETWEEN 1 AND 10),
  key_industry_codes                 text[] NOT NULL DEFAULT '{}',
  created_at                         timestamptz NOT NULL DEFAULT now(),
  updated_at                         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT campaigns_city_year_uq UNIQUE (city_code, year),
  CHECK (disclose_months <= report_months AND start_months <= report_months)
);

CREATE TABLE campaign_milestones (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id uuid NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  city_code   text NOT NULL REFERENCES regions (code),
  name        text NOT NULL,
  due_on      date NOT NULL,
  actor_role  text NOT NULL CHECK (actor_role IN ('city_admin', 'city_staff', 'district_staff', 'enterprise_user', 'agency_user', 'expert')),
  sort        integer NOT NULL DEFAULT 0
);
CREATE INDEX campaign_milestones_campaign_idx ON campaign_milestones (campaign_id, sort, due_on);
CREATE INDEX campaign_milestones_due_idx ON campaign_milestones (city_code, due_on);

-- A district's proposal to list an enterprise for a planned year (附件4), reviewed by the city.
-- Published entries point at the round they became (round_id).
CREATE TABLE plan_entries (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  city_code      text NOT NULL REFERENCES regions (code),
  district_code  text NOT NULL REFERENCES regions (code),
  planned_year   integer NOT NULL CHECK (planned_year BETWEEN 2000 AND 2100),
  reasons        text[] NOT NULL CHECK (
                   cardinality(reasons) > 0
                   AND reasons <@ ARRAY['dual_exceed', 'toxic', 'high_energy', 'key_industry']::text[]),
  reason_details text,
  last_audit_on  date,
  contact_name   text,
  contact_phone  text,
  remarks        text,
  status         text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'rejected')),
  reject_reason  text,
  proposed_by    uuid REFERENCES users (id),
  proposed_at    timestamptz NOT NULL DEFAULT now(),
  reviewed_by    uuid REFERENCES users (id),
  reviewed_at    timestamptz,
  round_id       uuid,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'rejected' OR (reject_reason IS NOT NULL AND btrim(reject_reason) <> '')),
  CHECK (round_id IS NULL OR status = 'approved')
);
-- One live entry per enterprise and year; a rejected entry may be proposed again.
CREATE UNIQUE INDEX plan_entries_enterprise_year_uq ON plan_entries (enterprise_id, planned_year) WHERE status <> 'rejected';
CREATE INDEX plan_entries_city_year_idx ON plan_entries (city_code, planned_year, status);
CREATE INDEX plan_entries_district_year_idx ON plan_entries (district_code, planned_year, status);

-- One audit round: one enterprise, one listing year. The due dates are computed by the shared
-- deadline functions and stored so lists can filter and sort on them; next_due_on is the one
-- the round's current state works towards (null when none).
CREATE TABLE audit_rounds (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id         uuid NOT NULL REFERENCES enterprises (id),
  campaign_id           uuid NOT NULL REFERENCES campaigns (id),
  plan_entry_id         uuid REFERENCES plan_entries (id),
  listing_year          integer NOT NULL CHECK (listing_year BETWEEN 2000 AND 2100),
  reasons               text[] NOT NULL CHECK (
                          cardinality(reasons) > 0
                          AND reasons <@ ARRAY['dual_exceed', 'toxic', 'high_energy', 'key_industry']::text[]),
  reason_details        text,
  state                 text NOT NULL CHECK (state IN ('plan_proposed', 'plan_approved', 'plan_rejected', 'listed',
                          'notified', 'disclosed', 'audit_started', 'report_submitted', 'evaluation_applied',
                          'evaluation_returned', 'evaluation_review', 'evaluation_failed', 'evaluated',
                          'acceptance_applied', 'acceptance_returned', 'acceptance_review', 'acceptance_rejected',
                          'accepted', 'closed', 'withdrawn', 'rolled_over', 'referred')),
  list_published_on     date,
  evaluation_passed_on  date,
  disclose_due          date,
  start_due             date,
  report_due            date,
  acceptance_due        date,
  next_due_on           date,
  city_code             text NOT NULL REFERENCES regions (code),
  district_code         text NOT NULL REFERENCES regions (code),
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT audit_rounds_enterprise_year_uq UNIQUE (enterprise_id, listing_year)
);
ALTER TABLE plan_entries ADD CONSTRAINT plan_entries_round_fk FOREIGN KEY (round_id) REFERENCES audit_rounds (id);
CREATE UNIQUE INDEX audit_rounds_plan_entry_uq ON audit_rounds (plan_entry_id) WHERE plan_entry_id IS NOT NULL;
CREATE INDEX audit_rounds_campaign_idx ON audit_rounds (campaign_id, district_code);
CREATE INDEX audit_rounds_city_state_idx ON audit_rounds (city_code, state);
CREATE INDEX audit_rounds_district_state_idx ON audit_rounds (district_code, state);
CREATE INDEX audit_rounds_city_next_due_idx ON audit_rounds (city_code, next_due_on);
CREATE INDEX audit_rounds_district_next_due_idx ON audit_rounds (district_code, next_due_on);
CREATE INDEX audit_rounds_year_idx ON audit_rounds (city_code, listing_year, district_code);
CREATE INDEX audit_rounds_updated_idx ON audit_rounds (updated_at);
CREATE INDEX audit_rounds_report_due_idx ON audit_rounds (report_due);
CREATE INDEX audit_rounds_acceptance_due_idx ON audit_rounds (acceptance_due);

-- Every transition of a round: the timeline on the round page.
CREATE TABLE round_history (
  id             bigserial PRIMARY KEY,
  round_id       uuid NOT NULL REFERENCES audit_rounds (id),
  city_code      text NOT NULL REFERENCES regions (code),
  district_code  text NOT NULL REFERENCES regions (code),
  transition     text NOT NULL,
  from_state     text,
  to_state       text NOT NULL,
  actor_user_id  uuid REFERENCES users (id),
  actor_username text,
  actor_role     text,
  comment        text,
  occurred_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX round_history_round_idx ON round_history (round_id, occurred_at, id);
