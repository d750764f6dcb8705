-- The deadline engine: each city's reminder settings, and the log of every reminder, overdue notice
-- and escalation sent (the log makes each one exactly-once, across runs and app instances).

-- No row means the defaults (shared/domain/reminders.ts): remind 14, 7 and 1 days before, escalate
-- to the city 15 days after the due date, enabled.
CREATE TABLE reminder_settings (
  city_code           text PRIMARY KEY REFERENCES regions (code),
  remind_days         integer[] NOT NULL CHECK (cardinality(remind_days) BETWEEN 1 AND 10),
  escalate_after_days integer NOT NULL CHECK (escalate_after_days BETWEEN 1 AND 365),
  enabled             boolean NOT NULL DEFAULT true,
  updated_by          uuid REFERENCES users (id),
  updated_at          timestamptz NOT NULL DEFAULT now()
);

-- One row per target (a round or a campaign milestone), deadline, due date and step. A changed due
-- date (an extension) is a new key, so it gets its own reminders. `step`: 'remind:<days>' (before),
-- 'overdue' (first overdue day: the acting party and the district bureau), 'escalated' (the city).
CREATE TABLE reminder_log (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id       uuid REFERENCES audit_rounds (id),
  milestone_id   uuid REFERENCES campaign_milestones (id) ON DELETE CASCADE,
  city_code      text NOT NULL REFERENCES regions (code),
  district_code  text REFERENCES regions (code),
  deadline_kind  text NOT NULL CHECK (deadline_kind IN ('disclose', 'start', 'report', 'acceptance', 'milestone')),
  due_on         date NOT NULL,
  step           text NOT NULL CHECK (step ~ '^(remind:[0-9]{1,3}|overdue|escalated)$'),
  -- Days left on the day it was sent (negative: days overdue).
  days_left      integer NOT NULL,
  -- The statutory next step proposed with an overdue notice or escalation (DOMAIN §6).
  proposed_step  text CHECK (proposed_step IN ('orderCorrection', 'penalty', 'rollover')),
  recipient_org_ids uuid[] NOT NULL,
  sent_on        date NOT NULL,
  sent_at        timestamptz NOT NULL DEFAULT now(),
  CHECK ((round_id IS NULL) <> (milestone_id IS NULL))
);
CREATE UNIQUE INDEX reminder_log_round_uq ON reminder_log (round_id, deadline_kind, due_on, step) WHERE round_id IS NOT NULL;
CREATE UNIQUE INDEX reminder_log_milestone_uq ON reminder_log (milestone_id, due_on, step) WHERE milestone_id IS NOT NULL;
CREATE INDEX reminder_log_round_idx ON reminder_log (round_id, sent_at DESC, id) WHERE round_id IS NOT NULL;
