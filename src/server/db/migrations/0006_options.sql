-- Cleaner production options (清洁生产方案) of a round, their benefits, the round's declared baseline
-- and the city's option quality rules.

CREATE TABLE round_options (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id             uuid NOT NULL REFERENCES audit_rounds (id),
  seq                  integer NOT NULL CHECK (seq >= 1),
  category             text NOT NULL CHECK (category IN ('low_cost', 'high_cost')),
  direction            text NOT NULL CHECK (direction IN ('raw_materials', 'technology', 'equipment', 'process_control',
                                                          'product', 'waste_reuse', 'management', 'staff')),
  name                 text NOT NULL CHECK (btrim(name) <> ''),
  description          text,
  investment           numeric(16, 4) CHECK (investment >= 0),
  status               text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'implementing', 'implemented', 'dropped')),
  drop_reason          text,
  feasibility          text CHECK (feasibility IN ('feasible', 'not_feasible')),
  feasibility_note     text,
  planned_effective_on date,
  actual_effective_on  date,
  version              integer NOT NULL DEFAULT 1,
  created_by           uuid REFERENCES users (id),
  updated_by           uuid REFERENCES users (id),
  created_at           timestamptz NOT NULL DEFAULT now(),
  updated_at           timestamptz NOT NULL DEFAULT now(),
  city_code            text NOT NULL REFERENCES regions (code),
  district_code        text NOT NULL REFERENCES regions (code),
  CONSTRAINT round_options_seq_uq UNIQUE (round_id, seq),
  -- Dropping an option needs a reason; feasibility conclusions belong to medium/high-cost options.
  CHECK (status <> 'dropped' OR btrim(COALESCE(drop_reason, '')) <> ''),
  CHECK (category = 'high_cost' OR feasibility IS NULL)
);
-- Statistics (附件3) count options by region and category.
CREATE INDEX round_options_region_idx ON round_options (city_code, district_code, category, status);

-- Predicted and actual benefit per option and indicator (one row per quantified indicator).
CREATE TABLE round_option_benefits (
  option_id uuid NOT NULL REFERENCES round_options (id) ON DELETE CASCADE,
  round_id  uuid NOT NULL REFERENCES audit_rounds (id),
  indicator text NOT NULL CHECK (indicator IN ('economic', 'energy', 'electricity', 'water', 'wastewater', 'cod', 'nh3n',
                                                'tn', 'tp', 'so2', 'nox', 'particulates', 'vocs', 'heavyMetals',
                                                'hazardousWaste', 'solidWaste', 'co2')),
  predicted numeric(18, 4) CHECK (predicted >= 0),
  actual    numeric(18, 4) CHECK (actual >= 0),
  PRIMARY KEY (option_id, indicator),
  CHECK (predicted IS NOT NULL OR actual IS NOT NULL)
);
CREATE INDEX round_option_benefits_round_idx ON round_option_benefits (round_id, indicator);

-- The round's declared annual consumption, the yardstick of the plausibility rule.
CREATE TABLE round_baselines (
  round_id            uuid PRIMARY KEY REFERENCES audit_rounds (id),
  energy_tce          numeric(18, 4) CHECK (energy_tce >= 0),
  electricity_10k_kwh numeric(18, 4) CHECK (electricity_10k_kwh >= 0),
  water_tonnes        numeric(18, 4) CHECK (water_tonnes >= 0),
  updated_by          uuid REFERENCES users (id),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  city_code           text NOT NULL REFERENCES regions (code),
  district_code       text NOT NULL REFERENCES regions (code)
);

-- The option quality rules of a city: one row per rule once the city edits them (defaults otherwise).
CREATE TABLE option_quality_rules (
  city_code  text NOT NULL REFERENCES regions (code),
  rule       text NOT NULL CHECK (rule IN ('lowCostNoBenefit', 'highCostIncomplete', 'implausibleBenefit', 'tooFewOptions',
                                           'similarTexts')),
  enabled    boolean NOT NULL,
  params     jsonb NOT NULL DEFAULT '{}',
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (city_code, rule)
);
