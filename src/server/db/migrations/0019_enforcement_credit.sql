-- Enforcement and credit (issue 4.7) and the 附件4 plan-list suggestions (issue 5.3).

-- An enforcement case (执法案件) a district bureau records against an enterprise, optionally for one audit round.
-- Violation types, legal bases, measures and fine ranges are data in shared/domain/enforcement.ts; the service
-- validates a case against them, the CHECKs below only keep the codes and the status invariants.
CREATE TABLE enforcement_cases (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id   uuid NOT NULL REFERENCES enterprises (id),
  round_id        uuid REFERENCES audit_rounds (id),
  violation_type  text NOT NULL CHECK (violation_type IN ('not_audited', 'not_disclosed', 'falsified', 'not_reported_truthfully', 'other')),
  legal_basis     text NOT NULL CHECK (length(legal_basis) BETWEEN 1 AND 50),
  measure         text NOT NULL CHECK (measure IN ('order_correction', 'fine', 'order_correction_fine', 'other')),
  facts           text NOT NULL CHECK (length(facts) BETWEEN 1 AND 4000),
  opened_on       date NOT NULL,
  correction_due  date,
  decision_no     text CHECK (decision_no IS NULL OR length(decision_no) BETWEEN 1 AND 100),
  decided_on      date,
  fine_amount     numeric(12, 2) CHECK (fine_amount IS NULL OR fine_amount > 0),
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided', 'closed')),
  closed_on       date,
  close_note      text,
  -- The statutory step of the 建议执法措施 list this case was created from (null: recorded directly).
  suggested_step  text CHECK (suggested_step IN ('orderCorrection', 'penalty')),
  city_code       text NOT NULL REFERENCES regions (code),
  district_code   text NOT NULL REFERENCES regions (code),
  version         integer NOT NULL DEFAULT 1,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_by      uuid REFERENCES users (id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (status = 'open' OR (decision_no IS NOT NULL AND decided_on IS NOT NULL)),
  CHECK (status <> 'closed' OR closed_on IS NOT NULL),
  CHECK (decided_on IS NULL OR decided_on >= opened_on),
  CHECK (closed_on IS NULL OR decided_on IS NULL OR closed_on >= decided_on)
);
CREATE UNIQUE INDEX enforcement_cases_decision_no_uq ON enforcement_cases (district_code, decision_no) WHERE decision_no IS NOT NULL;
CREATE INDEX enforcement_cases_city_opened_idx ON enforcement_cases (city_code, opened_on DESC, id);
CREATE INDEX enforcement_cases_district_opened_idx ON enforcement_cases (district_code, opened_on DESC, id);
CREATE INDEX enforcement_cases_city_status_idx ON enforcement_cases (city_code, status);
CREATE INDEX enforcement_cases_enterprise_idx ON enforcement_cases (enterprise_id, decided_on);
CREATE INDEX enforcement_cases_round_idx ON enforcement_cases (round_id) WHERE round_id IS NOT NULL;

-- A suggested statutory step the district dismissed (with its reason): not suggested again for that round.
CREATE TABLE enforcement_suggestion_dismissals (
  round_id      uuid NOT NULL REFERENCES audit_rounds (id),
  step          text NOT NULL CHECK (step IN ('orderCorrection', 'penalty', 'rollover')),
  reason        text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text NOT NULL REFERENCES regions (code),
  dismissed_by  uuid REFERENCES users (id),
  dismissed_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, step)
);

-- The enterprise credit feed (环境信用评价): one row per decided case (negative) or notable result (positive).
CREATE TABLE credit_records (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id  uuid NOT NULL REFERENCES enterprises (id),
  kind           text NOT NULL CHECK (kind IN ('negative', 'positive')),
  source         text NOT NULL CHECK (source IN ('enforcement_case', 'acceptance_result')),
  case_id        uuid REFERENCES enforcement_cases (id),
  round_id       uuid REFERENCES audit_rounds (id),
  recorded_on    date NOT NULL,
  period_year    integer NOT NULL CHECK (period_year BETWEEN 2000 AND 2100),
  description_zh text NOT NULL,
  description_en text NOT NULL,
  city_code      text NOT NULL REFERENCES regions (code),
  district_code  text NOT NULL REFERENCES regions (code),
  created_at     timestamptz NOT NULL DEFAULT now(),
  CHECK ((source = 'enforcement_case') = (case_id IS NOT NULL)),
  CHECK (source <> 'acceptance_result' OR round_id IS NOT NULL)
);
CREATE UNIQUE INDEX credit_records_case_uq ON credit_records (case_id) WHERE case_id IS NOT NULL;
CREATE UNIQUE INDEX credit_records_result_uq ON credit_records (round_id) WHERE source = 'acceptance_result';
CREATE INDEX credit_records_city_date_idx ON credit_records (city_code, recorded_on, id);
CREATE INDEX credit_records_district_date_idx ON credit_records (district_code, recorded_on, id);
CREATE INDEX credit_records_enterprise_idx ON credit_records (enterprise_id, recorded_on);

-- The mandatory environmental-information disclosure scope (强制性环境信息披露名单): one mark per enterprise,
-- set by a penalty under the Measures (source 'penalty') or by the city (source 'manual').
CREATE TABLE disclosure_scope_marks (
  enterprise_id uuid PRIMARY KEY REFERENCES enterprises (id),
  in_scope      boolean NOT NULL,
  since         date NOT NULL,
  reason        text NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
  source        text NOT NULL CHECK (source IN ('penalty', 'manual')),
  case_id       uuid REFERENCES enforcement_cases (id),
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text NOT NULL REFERENCES regions (code),
  updated_by    uuid REFERENCES users (id),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX disclosure_scope_marks_city_idx ON disclosure_scope_marks (city_code, in_scope, since);
CREATE INDEX disclosure_scope_marks_district_idx ON disclosure_scope_marks (district_code, in_scope, since);

-- A district's decision on a 附件4 suggestion: accepted (a plan entry was proposed) or dismissed with a reason.
-- Either way the enterprise is not suggested again for that year.
CREATE TABLE plan_suggestion_decisions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  enterprise_id uuid NOT NULL REFERENCES enterprises (id),
  planned_year  integer NOT NULL CHECK (planned_year BETWEEN 2000 AND 2100),
  decision      text NOT NULL CHECK (decision IN ('accepted', 'dismissed')),
  rules         text[] NOT NULL,
  reason        text,
  plan_entry_id uuid REFERENCES plan_entries (id),
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text NOT NULL REFERENCES regions (code),
  decided_by    uuid REFERENCES users (id),
  decided_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT plan_suggestion_decisions_uq UNIQUE (enterprise_id, planned_year),
  CHECK (decision <> 'dismissed' OR (reason IS NOT NULL AND btrim(reason) <> '')),
  CHECK (decision <> 'accepted' OR plan_entry_id IS NOT NULL)
);
CREATE INDEX plan_suggestion_decisions_district_idx ON plan_suggestion_decisions (district_code, planned_year);

-- The suggestion rules read accepted rounds through their history and rounds by enterprise and reason.
CREATE INDEX round_history_to_state_idx ON round_history (to_state, round_id);
