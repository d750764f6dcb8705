/**
 * The deadline engine's two set-based statements (rounds, campaign milestones). Each computes, for
 * every watched target, the step due today, inserts it into reminder_log with ON CONFLICT DO NOTHING
 * and returns only the rows it actually inserted, with what the notification texts need.
 *
 * Shared parameters: $1 today (Asia/Shanghai date), $2 default remind days, $3 default escalation
 * delay, $4 the roll-over threshold in days, $5 sent_at (the job's clock).
 */

/** The reminder step of a candidate: the nearest threshold not yet passed, unless already reminded since. */
const REMIND_STEP = (target: string, kindCondition: string) => `
      SELECT 'remind:' || min(d)::text, NULL::text
        FROM unnest(c.remind_days) d
       WHERE c.days_left >= 0 AND d >= c.days_left
      HAVING min(d) IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM reminder_log l
                          WHERE l.${target} = c.target_id AND ${kindCondition} AND l.due_on = c.due_on
                            AND l.step LIKE 'remind:%' AND l.days_left <= min(d))`;

/** The statutory next step proposed for work overdue by -days_left days (see proposedStep in shared/domain/reminders). */
const PROPOSED = `CASE WHEN -c.days_left < c.escalate_after THEN 'orderCorrection'
                       WHEN -c.days_left < GREATEST($4::int, 2 * c.escalate_after) THEN 'penalty'
                       ELSE 'rollover' END`;

/** Settings of the target's city, or the defaults. */
const SETTINGS = `COALESCE(s.remind_days, $2::int[]) AS remind_days, COALESCE(s.escalate_after_days, $3::int) AS escalate_after`;

/**
 * Rounds. Extra parameters: $6 watched states, $7 their deadline kinds, $8 their acting party
 * ('enterprise' | 'district' | 'city'). Recipients: the acting party (the enterprise and its engaged
 * agency, or the district bureau, or the city bureau) for reminders; the acting party and the district
 * bureau for the overdue notice; the city bureau for the escalation.
 */
export const ROUND_STEPS_SQL = `
WITH watch AS (
  SELECT * FROM unnest($6::text[], $7::text[], $8::text[]) AS w(state, kind, actor)
),
c AS (
  SELECT r.id AS target_id, r.city_code, r.district_code, r.enterprise_id, w.kind, w.actor,
         r.next_due_on AS due_on, (r.next_due_on - $1::date) AS days_left, ${SETTINGS}
    FROM audit_rounds r
    JOIN watch w ON w.state = r.state
    LEFT JOIN reminder_settings s ON s.city_code = r.city_code
   WHERE r.next_due_on IS NOT NULL AND r.next_due_on <= $1::date + 365 AND COALESCE(s.enabled, true)
),
steps AS (
  SELECT c.*, st.step, st.proposed
    FROM c
    CROSS JOIN LATERAL (
      ${REMIND_STEP('round_id', 'l.deadline_kind = c.kind')}
      UNION ALL SELECT 'overdue', ${PROPOSED} WHERE c.days_left < 0
      UNION ALL SELECT 'escalated', ${PROPOSED} WHERE -c.days_left >= c.escalate_after
    ) AS st(step, proposed)
),
addressed AS (
  SELECT steps.*, rc.orgs
    FROM steps
    CROSS JOIN LATERAL (
      SELECT COALESCE(array_agg(DISTINCT x.org), '{}'::uuid[]) AS orgs FROM (
        SELECT steps.enterprise_id AS org WHERE steps.actor = 'enterprise' AND steps.step <> 'escalated'
        UNION ALL
        SELECT g.agency_id FROM round_engagements g
         WHERE steps.actor = 'enterprise' AND steps.step <> 'escalated' AND g.round_id = steps.target_id AND g.ended_at IS NULL
        UNION ALL
        SELECT o.id FROM organizations o
         WHERE o.kind = 'district_bureau' AND o.district_code = steps.district_code
           AND (steps.step = 'overdue' OR (steps.actor = 'district' AND steps.step <> 'escalated'))
        UNION ALL
        SELECT o.id FROM organizations o
         WHERE o.kind = 'city_bureau' AND o.city_code = steps.city_code AND (steps.step = 'escalated' OR steps.actor = 'city')
      ) x
    ) rc
),
ins AS (
  INSERT INTO reminder_log (round_id, city_code, district_code, deadline_kind, due_on, step, days_left, proposed_step,
                            recipient_org_ids, sent_on, sent_at)
  SELECT target_id, city_code, district_code, kind, due_on, step, days_left, proposed, orgs, $1::date, $5::timestamptz
    FROM addressed
   ORDER BY target_id, step
  ON CONFLICT DO NOTHING
  RETURNING id, round_id, deadline_kind, due_on, step, days_left, proposed_step, recipient_org_ids
)
SELECT ins.id, ins.round_id AS "targetId", ins.deadline_kind AS "deadlineKind", to_char(ins.due_on, 'YYYY-MM-DD') AS "dueOn",
       ins.step, ins.days_left AS "daysLeft", ins.proposed_step AS "proposedStep", ins.recipient_org_ids::text[] AS "recipients",
       e.name AS "targetName", r.listing_year AS year, '/rounds/' || r.id::text AS link
  FROM ins
  JOIN audit_rounds r ON r.id = ins.round_id
  JOIN enterprises e ON e.id = r.enterprise_id
 ORDER BY ins.round_id, ins.step`;

/**
 * Campaign milestones (no statutory step is proposed for them; $4 is carried along unused). Extra parameter: $6 the watched round states (an enterprise or agency milestone
 * concerns the parties of the campaign's active rounds). Recipients: the organisations of the
 * milestone's actor role in the city; the overdue notice also goes to the city bureau. A milestone has
 * no completion record, so its overdue notice is only sent within the escalation delay.
 */
export const MILESTONE_STEPS_SQL = `
WITH c AS (
  SELECT m.id AS target_id, m.city_code, m.campaign_id, m.name, m.actor_role, cp.year,
         m.due_on, (m.due_on - $1::date) AS days_left, $4::int AS rollover_after, ${SETTINGS}
    FROM campaign_milestones m
    JOIN campaigns cp ON cp.id = m.campaign_id
    LEFT JOIN reminder_settings s ON s.city_code = m.city_code
   WHERE m.due_on BETWEEN $1::date - 365 AND $1::date + 365 AND COALESCE(s.enabled, true)
),
steps AS (
  SELECT c.*, st.step, st.proposed
    FROM c
    CROSS JOIN LATERAL (
      ${REMIND_STEP('milestone_id', 'true')}
      UNION ALL SELECT 'overdue', NULL::text WHERE c.days_left < 0 AND -c.days_left < c.escalate_after
    ) AS st(step, proposed)
),
addressed AS (
  SELECT steps.*, rc.orgs
    FROM steps
    CROSS JOIN LATERAL (
      SELECT COALESCE(array_agg(DISTINCT x.org), '{}'::uuid[]) AS orgs FROM (
        SELECT o.id AS org FROM organizations o
         WHERE o.city_code = steps.city_code AND (
               (o.kind = 'city_bureau' AND (steps.actor_role IN ('city_admin', 'city_staff') OR steps.step = 'overdue'))
            OR (o.kind = 'district_bureau' AND steps.actor_role = 'district_staff')
            OR (o.kind = 'expert_library' AND steps.actor_role = 'expert'))
        UNION ALL
        SELECT r.enterprise_id FROM audit_rounds r
         WHERE steps.actor_role = 'enterprise_user' AND r.campaign_id = steps.campaign_id AND r.state = ANY($6::text[])
        UNION ALL
        SELECT g.agency_id FROM audit_rounds r JOIN round_engagements g ON g.round_id = r.id AND g.ended_at IS NULL
         WHERE steps.actor_role = 'agency_user' AND r.campaign_id = steps.campaign_id AND r.state = ANY($6::text[])
      ) x
    ) rc
),
ins AS (
  INSERT INTO reminder_log (milestone_id, city_code, deadline_kind, due_on, step, days_left, proposed_step,
                            recipient_org_ids, sent_on, sent_at)
  SELECT target_id, city_code, 'milestone', due_on, step, days_left, proposed, orgs, $1::date, $5::timestamptz
    FROM addressed
   ORDER BY target_id, step
  ON CONFLICT DO NOTHING
  RETURNING id, milestone_id, deadline_kind, due_on, step, days_left, proposed_step, recipient_org_ids
)
SELECT ins.id, ins.milestone_id AS "targetId", ins.deadline_kind AS "deadlineKind", to_char(ins.due_on, 'YYYY-MM-DD') AS "dueOn",
       ins.step, ins.days_left AS "daysLeft", ins.proposed_step AS "proposedStep", ins.recipient_org_ids::text[] AS "recipients",
       m.name AS "targetName", cp.year, '/campaigns/' || cp.id::text AS link
  FROM ins
  JOIN campaign_milestones m ON m.id = ins.milestone_id
  JOIN campaigns cp ON cp.id = m.campaign_id
 ORDER BY ins.milestone_id, ins.step`;
