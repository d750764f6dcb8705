-- Uploaded files: the bytes live on disk, content-addressed (<files dir>/<sha256[0:2]>/<sha256>), so the same
-- content is stored once; each upload is one metadata row (its own original name and uploader).
CREATE TABLE files (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  sha256        text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size          bigint NOT NULL CHECK (size >= 0),
  media_type    text NOT NULL,
  original_name text NOT NULL,
  uploaded_by   uuid REFERENCES users (id),
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text REFERENCES regions (code),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX files_sha256_idx ON files (sha256);
CREATE INDEX files_district_idx ON files (district_code, created_at);
