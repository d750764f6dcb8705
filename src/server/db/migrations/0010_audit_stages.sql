-- Progress through the seven audit stages (DOMAIN §4): one row per completed stage of a round.
-- Stages are completed in order; `position` (1…7) mirrors AUDIT_STAGES so the order is checkable in SQL.
CREATE TABLE round_stages (
  round_id      uuid NOT NULL REFERENCES audit_rounds (id),
  stage         text NOT NULL CHECK (stage IN ('preparation', 'pre_audit', 'audit', 'options', 'feasibility',
                                               'implementation', 'continuous')),
  position      smallint NOT NULL CHECK (position BETWEEN 1 AND 7),
  completed_on  date NOT NULL,
  note          text,
  recorded_by   uuid REFERENCES users (id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  city_code     text NOT NULL REFERENCES regions (code),
  district_code text NOT NULL REFERENCES regions (code),
  PRIMARY KEY (round_id, stage),
  CONSTRAINT round_stages_position_uq UNIQUE (round_id, position)
);
