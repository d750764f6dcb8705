-- Evaluation and acceptance applications: more purposes of round files, transition attachments and
-- the review opinions (技术审查意见 / 验收意见) the district records.

-- The unnamed CHECK of 0004 is auto-named round_files_purpose_check (PostgreSQL and PGlite).
ALTER TABLE round_files DROP CONSTRAINT round_files_purpose_check;
ALTER TABLE round_files ADD CONSTRAINT round_files_purpose_check CHECK (purpose IN (
  'disclosure', 'report',
  'transition',           -- attachments of a transition: notice documents, evidence
  'evaluation_evidence',  -- 技术佐证材料
  'capacity_proof',       -- 审核能力证明
  'acceptance_report',    -- 验收报告
  'monitoring_before',    -- 实施前监测报告
  'monitoring_after',     -- 实施后监测报告
  'rectification'         -- 整改情况说明及佐证
));
CREATE INDEX round_files_purpose_idx ON round_files (round_id, purpose, created_at);

-- The files a transition carried (round_files of purpose 'transition').
ALTER TABLE round_history ADD COLUMN attachment_ids uuid[] NOT NULL DEFAULT '{}';

-- Review opinions: one per review cycle (a round that fails evaluation is evaluated again later).
CREATE TABLE review_opinions (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id             uuid NOT NULL REFERENCES audit_rounds (id),
  kind                 text NOT NULL CHECK (kind IN ('evaluation', 'acceptance')),
  opinion_no           text NOT NULL CHECK (length(opinion_no) BETWEEN 1 AND 100),
  issued_on            date NOT NULL,
  body                 text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  -- Evaluation only: the options still to implement, and the acceptance deadline.
  options_to_implement text,
  acceptance_due       date,
  created_by           uuid REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_by           uuid REFERENCES users (id),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  city_code            text NOT NULL REFERENCES regions (code),
  district_code        text NOT NULL REFERENCES regions (code),
  CHECK (kind = 'evaluation' OR (options_to_implement IS NULL AND acceptance_due IS NULL)),
  CHECK (acceptance_due IS NULL OR acceptance_due >= issued_on)
);
CREATE INDEX review_opinions_round_idx ON review_opinions (round_id, kind, created_at);
