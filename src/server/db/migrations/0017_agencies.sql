-- Consulting agencies (咨询服务机构): registry detail, auditors, status decisions (warned / dishonesty list),
-- district feedback. An agency is an `organizations` row of kind 'agency' (name and credit code live there);
-- `agencies` is its detail row sharing the id.
CREATE TABLE agencies (
  id                     uuid PRIMARY KEY REFERENCES organizations (id),
  city_code              text NOT NULL REFERENCES regions (code),
  address                text,
  legal_representative   text,
  contact_name           text,
  contact_phone          text,
  contact_email          text,
  -- Districts the agency declares it serves (region codes of the agency's city).
  service_district_codes text[] NOT NULL DEFAULT '{}',
  status                 text NOT NULL DEFAULT 'normal' CHECK (status IN ('normal', 'warned', 'dishonest')),
  status_changed_at      timestamptz,
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_at             timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agencies_city_status_idx ON agencies (city_code, status);
CREATE INDEX agencies_service_districts_idx ON agencies USING gin (service_district_codes);
-- The public dishonesty list reads only these rows.
CREATE INDEX agencies_dishonest_idx ON agencies (status_changed_at DESC) WHERE status = 'dishonest';

-- Agencies that existed before this migration get their detail row (profile to be completed by the city).
INSERT INTO agencies (id, city_code) SELECT id, city_code FROM organizations WHERE kind = 'agency';

-- One credit code per agency; name search on the agency rows of organizations.
CREATE UNIQUE INDEX organizations_agency_credit_code_uq ON organizations (credit_code)
  WHERE kind = 'agency' AND credit_code IS NOT NULL;
CREATE INDEX organizations_agency_name_trgm_idx ON organizations USING gin (name gin_trgm_ops) WHERE kind = 'agency';
CREATE INDEX organizations_agency_credit_trgm_idx ON organizations USING gin (credit_code gin_trgm_ops) WHERE kind = 'agency';

-- The registered auditors (审核人员) of an agency, with their certificate and specialities (GB/T 4754 codes).
CREATE TABLE agency_auditors (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id      uuid NOT NULL REFERENCES agencies (id),
  city_code      text NOT NULL REFERENCES regions (code),
  name           text NOT NULL,
  certificate_no text NOT NULL,
  specialities   text[] NOT NULL DEFAULT '{}',
  phone          text,
  active         boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT agency_auditors_certificate_uq UNIQUE (agency_id, certificate_no)
);
CREATE INDEX agency_auditors_agency_idx ON agency_auditors (agency_id, active DESC, name);

-- Every status decision of the city (normal / warned / dishonest) is kept: the status history.
CREATE TABLE agency_status_changes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id   uuid NOT NULL REFERENCES agencies (id),
  city_code   text NOT NULL REFERENCES regions (code),
  from_status text NOT NULL CHECK (from_status IN ('normal', 'warned', 'dishonest')),
  to_status   text NOT NULL CHECK (to_status IN ('normal', 'warned', 'dishonest')),
  reason      text NOT NULL CHECK (btrim(reason) <> ''),
  decision_no text NOT NULL CHECK (btrim(decision_no) <> ''),
  decided_on  date NOT NULL,
  decided_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (from_status <> to_status)
);
CREATE INDEX agency_status_changes_agency_idx ON agency_status_changes (agency_id, created_at DESC, id);

-- A district's rating of an agency's service on one round of its district (one per agency and round, editable).
CREATE TABLE agency_feedback (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency_id     uuid NOT NULL REFERENCES agencies (id),
  round_id      uuid NOT NULL REFERENCES audit_rounds (id),
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text NOT NULL REFERENCES regions (code),
  rating        smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment       text CHECK (comment IS NULL OR length(comment) <= 1000),
  created_by    uuid REFERENCES users (id),
  updated_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT agency_feedback_agency_round_uq UNIQUE (agency_id, round_id)
);
CREATE INDEX agency_feedback_agency_idx ON agency_feedback (agency_id, updated_at DESC);

-- The performance record reads every engagement of an agency, ended ones included (the existing index
-- holds only the active ones), and the return transitions of its rounds.
CREATE INDEX round_engagements_agency_all_idx ON round_engagements (agency_id, round_id, engaged_at);
CREATE INDEX round_history_returns_idx ON round_history (round_id, occurred_at)
  WHERE transition IN ('returnEvaluationApplication', 'returnAcceptanceApplication');
