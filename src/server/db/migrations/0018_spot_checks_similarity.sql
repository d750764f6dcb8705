-- Supervision: the city's yearly spot checks (抽查) of last year's accepted audits, and report-quality detection
-- (near-duplicate option texts and report summaries across rounds: MinHash signatures and LSH band keys).

-- One spot check of a city: the population (accepted rounds of `year`), the sample size, the committed seed and,
-- once drawn, the seed, the allocation per stratum and the items. The seed is generated at creation and kept
-- hidden until the draw (only its SHA-256, seed_hash, is shown before), so the sample cannot be chosen.
CREATE TABLE spot_checks (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_code     text NOT NULL REFERENCES regions (code),
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  title         text NOT NULL CHECK (btrim(title) <> ''),
  sample_ratio  numeric(6, 4) CHECK (sample_ratio > 0 AND sample_ratio <= 1),
  sample_count  integer CHECK (sample_count >= 1),
  stratified    boolean NOT NULL DEFAULT true,
  seed_hash     text NOT NULL CHECK (seed_hash ~ '^[0-9a-f]{64}$'),
  seed          text NOT NULL,
  -- stratum key (district code, or 'all') → round ids, in canonical order
  candidates    jsonb NOT NULL DEFAULT '{}',
  -- stratum key → number drawn (set by the draw)
  allocation    jsonb,
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'drawn', 'published')),
  notice_no     text,
  summary       text,
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  drawn_by      uuid REFERENCES users (id),
  drawn_at      timestamptz,
  published_by  uuid REFERENCES users (id),
  published_at  timestamptz,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT spot_checks_city_title_uq UNIQUE (city_code, title),
  CHECK ((sample_ratio IS NULL) <> (sample_count IS NULL)),
  CHECK (status = 'draft' OR (allocation IS NOT NULL AND drawn_at IS NOT NULL)),
  CHECK (status <> 'published' OR (published_at IS NOT NULL AND notice_no IS NOT NULL AND btrim(notice_no) <> ''))
);
CREATE INDEX spot_checks_city_year_idx ON spot_checks (city_code, year DESC, created_at DESC);
CREATE INDEX spot_checks_published_idx ON spot_checks (published_at DESC) WHERE status = 'published';

-- One sampled round of a spot check, its checkers and findings. Other modules (agency performance, the enterprise
-- page) read round_id, result and categories.
CREATE TABLE spot_check_items (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  spot_check_id     uuid NOT NULL REFERENCES spot_checks (id),
  round_id          uuid NOT NULL REFERENCES audit_rounds (id),
  draw_order        integer NOT NULL CHECK (draw_order >= 1),
  city_code         text NOT NULL REFERENCES regions (code),
  district_code     text NOT NULL REFERENCES regions (code),
  checker_user_ids  uuid[] NOT NULL DEFAULT '{}',
  checker_names     text[] NOT NULL DEFAULT '{}',
  result            text NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'conforming', 'problems')),
  categories        text[] NOT NULL DEFAULT '{}' CHECK (
                      categories <@ ARRAY['report_inconsistent_with_site', 'options_not_implemented', 'data_not_true', 'other']::text[]),
  description       text,
  checked_on        date,
  evidence_file_ids uuid[] NOT NULL DEFAULT '{}',
  recorded_by       uuid REFERENCES users (id),
  recorded_at       timestamptz,
  -- The enforcement case opened from a problem finding (enforcement_cases comes with a later migration: no FK).
  enforcement_case_id uuid,
  CONSTRAINT spot_check_items_round_uq UNIQUE (spot_check_id, round_id),
  CHECK (result <> 'problems' OR cardinality(categories) > 0),
  CHECK (result = 'problems' OR cardinality(categories) = 0),
  CHECK (result = 'pending' OR checked_on IS NOT NULL)
);
CREATE INDEX spot_check_items_check_idx ON spot_check_items (spot_check_id, district_code, draw_order);
CREATE INDEX spot_check_items_round_idx ON spot_check_items (round_id, result);
CREATE INDEX spot_check_items_district_idx ON spot_check_items (district_code, spot_check_id);

-- The population of a spot check: rounds whose acceptance was decided in a year (the history row into 'accepted').
CREATE INDEX round_history_accepted_idx ON round_history (city_code, occurred_at) WHERE to_state = 'accepted';

-- A short summary of the audit report (审核报告摘要), entered by the enterprise side; compared across rounds.
CREATE TABLE round_report_summaries (
  round_id      uuid PRIMARY KEY REFERENCES audit_rounds (id),
  summary       text NOT NULL CHECK (btrim(summary) <> ''),
  updated_by    uuid REFERENCES users (id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text NOT NULL REFERENCES regions (code)
);

-- MinHash signature of one text (an option's name + description, or a round's report summary): the exact shingle set
-- (for the exact Jaccard of candidate pairs), the signature and its LSH band keys (one int per band, the band index
-- mixed in). Candidate pairs share at least one band key (GIN index on band_keys, operator &&).
CREATE TABLE text_signatures (
  id          bigserial PRIMARY KEY,
  round_id    uuid NOT NULL REFERENCES audit_rounds (id),
  source_kind text NOT NULL CHECK (source_kind IN ('option', 'report_summary')),
  source_id   uuid NOT NULL,
  city_code   text NOT NULL REFERENCES regions (code),
  shingles    text[] NOT NULL,
  signature   integer[] NOT NULL,
  band_keys   integer[] NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT text_signatures_source_uq UNIQUE (source_kind, source_id)
);
CREATE INDEX text_signatures_round_idx ON text_signatures (round_id, source_kind);
CREATE INDEX text_signatures_bands_idx ON text_signatures USING gin (band_keys);
