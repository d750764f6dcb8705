-- Expert library (专家库) and verifiable random panel draws (专家随机抽取).

-- Organisation names compared for recusal: lower case, without spaces and punctuation, full-width brackets folded.
-- The same normalisation is `normalizeOrgName` in src/shared/domain/recusal.ts.
CREATE FUNCTION cp_norm_org(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(regexp_replace(coalesce(name, ''), '[[:space:]()（）\[\]【】·.,，。、"''“”‘’-]+', '', 'g'))
$$;

-- One profile per expert; `user_id` links the sign-in account (role expert) when the expert has one.
CREATE TABLE experts (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid UNIQUE REFERENCES users (id),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  title         text CHECK (title IS NULL OR length(title) <= 100),
  employer      text CHECK (employer IS NULL OR length(employer) <= 200),
  -- GB/T 4754 codes (any level) and expertise kinds.
  industries    text[] NOT NULL DEFAULT '{}',
  expertise     text[] NOT NULL DEFAULT '{}' CHECK (expertise <@ ARRAY['audit', 'industry', 'monitoring']::text[]),
  district_code text REFERENCES regions (code),
  phone         text CHECK (phone IS NULL OR length(phone) <= 30),
  email         text CHECK (email IS NULL OR length(email) <= 200),
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  city_code     text NOT NULL REFERENCES regions (code),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX experts_city_name_idx ON experts (city_code, name, id);
CREATE INDEX experts_city_status_idx ON experts (city_code, status, updated_at);
CREATE INDEX experts_industries_idx ON experts USING gin (industries);
CREATE INDEX experts_expertise_idx ON experts USING gin (expertise);

-- Availability is modelled as UNAVAILABLE periods (both ends inclusive): an expert is available on every day not
-- covered by one of their periods.
CREATE TABLE expert_availability (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  expert_id uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
  from_on   date NOT NULL,
  to_on     date NOT NULL,
  note      text CHECK (note IS NULL OR length(note) <= 200),
  CHECK (to_on >= from_on)
);
CREATE INDEX expert_availability_expert_idx ON expert_availability (expert_id, from_on, to_on);

-- Declared ties: another employer (by name), an agency or an enterprise (organisation id; an enterprise's id is its
-- organisation's id).
CREATE TABLE expert_ties (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  expert_id       uuid NOT NULL REFERENCES experts (id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind IN ('employer', 'agency', 'enterprise')),
  organization_id uuid REFERENCES organizations (id),
  employer_name   text CHECK (employer_name IS NULL OR length(employer_name) <= 200),
  note            text CHECK (note IS NULL OR length(note) <= 200),
  CHECK ((kind = 'employer') = (employer_name IS NOT NULL) AND (kind = 'employer') = (organization_id IS NULL))
);
CREATE INDEX expert_ties_expert_idx ON expert_ties (expert_id);
CREATE INDEX expert_ties_org_idx ON expert_ties (organization_id) WHERE organization_id IS NOT NULL;

-- The city's draw settings (defaults when no row): agency look-back and the open-panel limit.
CREATE TABLE expert_draw_settings (
  city_code              text PRIMARY KEY REFERENCES regions (code),
  agency_lookback_months integer NOT NULL CHECK (agency_lookback_months BETWEEN 0 AND 120),
  max_open_panels        integer NOT NULL CHECK (max_open_panels BETWEEN 1 AND 50),
  updated_by             uuid REFERENCES users (id),
  updated_at             timestamptz NOT NULL DEFAULT now()
);

-- One draw (or manual choice) per panel formation or replacement. A random draw stores the commitment (seed_hash)
-- when it is created, then the seed and the drawn ids when executed; both happen in the request that forms the panel,
-- created_at < executed_at (clock_timestamp). Candidates/exclusions are the facts as they were at the draw.
CREATE TABLE panel_draws (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id            uuid NOT NULL REFERENCES audit_rounds (id),
  panel_id            uuid REFERENCES review_panels (id),
  kind                text NOT NULL CHECK (kind IN ('evaluation', 'acceptance')),
  purpose             text NOT NULL CHECK (purpose IN ('initial', 'replacement')),
  replaced_user_id    uuid REFERENCES users (id),
  size                integer NOT NULL CHECK (size BETWEEN 1 AND 15),
  required_industries text[] NOT NULL DEFAULT '{}',
  required_expertise  text[] NOT NULL DEFAULT '{}',
  review_on           date NOT NULL,
  criteria            jsonb NOT NULL,
  -- [{id (user id), expertId, name, employer}] in canonical (code-point) order of id.
  candidates          jsonb NOT NULL DEFAULT '[]',
  -- [{id, expertId, name, reasons: [{code, detail?}]}]
  exclusions          jsonb NOT NULL DEFAULT '[]',
  seed_hash           text CHECK (seed_hash IS NULL OR seed_hash ~ '^[0-9a-f]{64}$'),
  seed                text,
  drawn_ids           uuid[],
  manual              boolean NOT NULL DEFAULT false,
  manual_reason       text CHECK (manual_reason IS NULL OR length(manual_reason) BETWEEN 5 AND 500),
  created_by          uuid REFERENCES users (id),
  created_at          timestamptz NOT NULL DEFAULT clock_timestamp(),
  executed_at         timestamptz,
  city_code           text NOT NULL REFERENCES regions (code),
  district_code       text NOT NULL REFERENCES regions (code),
  CHECK (manual = (manual_reason IS NOT NULL)),
  CHECK (manual OR seed_hash IS NOT NULL),
  CHECK ((purpose = 'replacement') = (replaced_user_id IS NOT NULL)),
  CHECK (executed_at IS NULL OR (drawn_ids IS NOT NULL AND (manual OR seed IS NOT NULL)))
);
CREATE INDEX panel_draws_round_idx ON panel_draws (round_id, created_at);
CREATE INDEX panel_draws_panel_idx ON panel_draws (panel_id) WHERE panel_id IS NOT NULL;
CREATE INDEX panel_draws_replaced_idx ON panel_draws (replaced_user_id) WHERE replaced_user_id IS NOT NULL;

-- Exclusions per expert, for the expert record (recusals): one row per excluded expert and draw.
CREATE TABLE panel_draw_exclusions (
  draw_id        uuid NOT NULL REFERENCES panel_draws (id),
  expert_id      uuid NOT NULL REFERENCES experts (id),
  reasons        text[] NOT NULL,
  PRIMARY KEY (expert_id, draw_id)
);

-- Excel imports of the library: upload (validated rows with problem codes) → commit | discard.
CREATE TABLE expert_imports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  city_code    text NOT NULL REFERENCES regions (code),
  file_id      uuid NOT NULL REFERENCES files (id),
  status       text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'committed', 'discarded')),
  rows         jsonb NOT NULL,
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  committed_at timestamptz,
  created_count integer
);
CREATE INDEX expert_imports_city_idx ON expert_imports (city_code, created_at);
