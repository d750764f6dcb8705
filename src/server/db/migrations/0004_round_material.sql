-- Round material: attachments, disclosure (信息公开), audit mode and agency engagement, audit report versions.

-- Files attached to a round (downloads are authorised through the round's scope).
CREATE TABLE round_files (
  round_id      uuid NOT NULL REFERENCES audit_rounds (id),
  file_id       uuid NOT NULL REFERENCES files (id),
  purpose       text NOT NULL CHECK (purpose IN ('disclosure', 'report')),
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text NOT NULL REFERENCES regions (code),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (round_id, file_id)
);
CREATE INDEX round_files_file_idx ON round_files (file_id);

-- One disclosure per round: the items required by its listing reasons, attachments and where it was published.
CREATE TABLE disclosures (
  round_id       uuid PRIMARY KEY REFERENCES audit_rounds (id),
  items          jsonb NOT NULL DEFAULT '{}',
  attachment_ids uuid[] NOT NULL DEFAULT '{}',
  platform_name  text,
  platform_url   text,
  published_at   timestamptz,
  updated_by     uuid REFERENCES users (id),
  city_code      text NOT NULL REFERENCES regions (code),
  district_code  text NOT NULL REFERENCES regions (code),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX disclosures_published_idx ON disclosures (city_code, published_at);

-- Self-audit or audit by an engaged consulting agency.
ALTER TABLE audit_rounds ADD COLUMN audit_mode text CHECK (audit_mode IN ('self', 'agency'));

CREATE TABLE round_engagements (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id      uuid NOT NULL REFERENCES audit_rounds (id),
  agency_id     uuid NOT NULL REFERENCES organizations (id),
  engaged_by    uuid REFERENCES users (id),
  engaged_at    timestamptz NOT NULL DEFAULT now(),
  ended_at      timestamptz,
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text NOT NULL REFERENCES regions (code),
  CHECK (ended_at IS NULL OR ended_at >= engaged_at)
);
-- At most one active engagement per round; the agency scope looks rounds up by agency.
CREATE UNIQUE INDEX round_engagements_active_uq ON round_engagements (round_id) WHERE ended_at IS NULL;
CREATE INDEX round_engagements_agency_idx ON round_engagements (agency_id, round_id) WHERE ended_at IS NULL;

-- Audit report versions (1, 2, …): every upload is kept.
CREATE TABLE round_reports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id      uuid NOT NULL REFERENCES audit_rounds (id),
  version       integer NOT NULL CHECK (version >= 1),
  file_id       uuid NOT NULL REFERENCES files (id),
  uploaded_by   uuid REFERENCES users (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now(),
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text NOT NULL REFERENCES regions (code),
  CONSTRAINT round_reports_version_uq UNIQUE (round_id, version)
);
