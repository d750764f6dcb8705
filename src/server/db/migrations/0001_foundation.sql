-- Foundation: reference data, organisations, enterprises, users, sessions, sign-in throttling, audit trail.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Administrative hierarchy (province → city → district). region_code on business rows keeps
-- the door open to partitioning by province.
CREATE TABLE regions (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  name_en     text NOT NULL,
  level       text NOT NULL CHECK (level IN ('province', 'city', 'district')),
  kind        text NOT NULL,
  parent_code text REFERENCES regions (code),
  sort        integer NOT NULL DEFAULT 0
);
CREATE INDEX regions_parent_idx ON regions (parent_code, sort);

-- GB/T 4754 national economic industry classification (sections and divisions at least).
CREATE TABLE industries (
  code        text PRIMARY KEY,
  name        text NOT NULL,
  name_en     text NOT NULL,
  level       text NOT NULL CHECK (level IN ('section', 'division', 'group', 'class')),
  parent_code text REFERENCES industries (code)
);

-- Key industries of the city's plan (a district may add more).
CREATE TABLE key_industries (
  code    text PRIMARY KEY,
  name    text NOT NULL,
  name_en text NOT NULL,
  sort    integer NOT NULL DEFAULT 0
);

-- Every user belongs to one organisation. Enterprises (and later agencies) are organisations
-- with a detail table sharing the same id.
CREATE TABLE organizations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind          text NOT NULL CHECK (kind IN ('city_bureau', 'district_bureau', 'enterprise', 'agency', 'expert_library')),
  name          text NOT NULL,
  name_en       text,
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text REFERENCES regions (code),
  credit_code   text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'district_bureau' OR district_code IS NOT NULL)
);
CREATE INDEX organizations_kind_idx ON organizations (kind, name);
CREATE UNIQUE INDEX organizations_district_bureau_uq ON organizations (district_code) WHERE kind = 'district_bureau';

CREATE TABLE enterprises (
  id                   uuid PRIMARY KEY REFERENCES organizations (id),
  name                 text NOT NULL,
  credit_code          text NOT NULL,
  city_code            text NOT NULL REFERENCES regions (code),
  district_code        text NOT NULL REFERENCES regions (code),
  address              text NOT NULL,
  legal_representative text NOT NULL,
  industry_code        text NOT NULL REFERENCES industries (code),
  key_industry_code    text REFERENCES key_industries (code),
  industrial_park      text,
  discharge_permit_no  text,
  contact_name         text NOT NULL,
  contact_phone        text NOT NULL,
  contact_email        text,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX enterprises_credit_code_uq ON enterprises (credit_code);
CREATE INDEX enterprises_district_name_idx ON enterprises (district_code, name);
CREATE INDEX enterprises_city_name_idx ON enterprises (city_code, name);
CREATE INDEX enterprises_industry_idx ON enterprises (industry_code);
CREATE INDEX enterprises_key_industry_idx ON enterprises (key_industry_code);
CREATE INDEX enterprises_updated_idx ON enterprises (updated_at);
CREATE INDEX enterprises_name_trgm_idx ON enterprises USING gin (name gin_trgm_ops);
CREATE INDEX enterprises_credit_code_trgm_idx ON enterprises USING gin (credit_code gin_trgm_ops);

CREATE TABLE users (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username             text NOT NULL,
  display_name         text NOT NULL,
  password_hash        text NOT NULL,
  role                 text NOT NULL CHECK (role IN ('city_admin', 'city_staff', 'district_staff', 'enterprise_user', 'agency_user', 'expert')),
  org_id               uuid NOT NULL REFERENCES organizations (id),
  email                text,
  phone                text,
  locale               text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
  disabled_at          timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  password_changed_at  timestamptz NOT NULL DEFAULT now(),
  last_login_at        timestamptz,
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_uq ON users (lower(username));
CREATE INDEX users_org_idx ON users (org_id);
CREATE INDEX users_role_idx ON users (role, username);

-- Sessions live in the database so any instance serves any request. The id is the SHA-256
-- of the cookie token: a leaked table does not leak usable cookies.
CREATE TABLE sessions (
  id           text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);

-- Failed sign-ins per account and address; locked_until refuses further attempts.
CREATE TABLE login_attempts (
  username         text NOT NULL,
  ip               text NOT NULL,
  failures         integer NOT NULL DEFAULT 0,
  first_failure_at timestamptz NOT NULL DEFAULT now(),
  locked_until     timestamptz,
  PRIMARY KEY (username, ip)
);

-- Append-only, hash-chained audit trail.
CREATE TABLE audit_events (
  id             bigserial PRIMARY KEY,
  occurred_at    timestamptz NOT NULL,
  actor_user_id  uuid,
  actor_username text,
  actor_role     text,
  action         text NOT NULL,
  entity_type    text NOT NULL,
  entity_id      text,
  before         jsonb,
  after          jsonb,
  ip             text,
  request_id     text,
  prev_hash      text NOT NULL,
  hash           text NOT NULL
);
CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at DESC, id DESC);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, id DESC);
CREATE INDEX audit_events_action_idx ON audit_events (action, id DESC);

-- The trail is append-only: updates and deletes are refused by the database itself.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('cpaudit.allow_audit_rewrite', true) = 'on' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
