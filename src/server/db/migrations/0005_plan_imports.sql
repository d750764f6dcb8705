-- Excel imports of plan entries (附件4) and of the annual list (附件1): the uploaded file, the parsed rows and
-- their row-level problems are kept until the uploader commits (one transaction creating the plan entries) or
-- discards the import. Rows: [{rowNumber, values, problems:[{field, code, params}], entry}] (messages are rendered
-- in the reader's language, so codes are stored, not texts).
CREATE TABLE plan_imports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  layout        text NOT NULL CHECK (layout IN ('annex4', 'annex1')),
  status        text NOT NULL DEFAULT 'uploaded' CHECK (status IN ('uploaded', 'committed', 'discarded')),
  file_id       uuid NOT NULL REFERENCES files (id),
  rows          jsonb NOT NULL CHECK (jsonb_typeof(rows) = 'array'),
  valid_count   integer NOT NULL CHECK (valid_count >= 0),
  error_count   integer NOT NULL CHECK (error_count >= 0),
  created_count integer,
  uploaded_by   uuid REFERENCES users (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  committed_by  uuid REFERENCES users (id),
  committed_at  timestamptz,
  city_code     text NOT NULL REFERENCES regions (code),
  -- The uploader's district (NULL for an import by the city).
  district_code text REFERENCES regions (code),
  CHECK ((status = 'committed') = (committed_at IS NOT NULL))
);
CREATE INDEX plan_imports_city_idx ON plan_imports (city_code, uploaded_at DESC);
CREATE INDEX plan_imports_district_idx ON plan_imports (district_code, uploaded_at DESC);
