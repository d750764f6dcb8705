import type { StepSuggestion, StepSuggestionQuery } from '../../../shared/contracts/enforcement';
import type { EnforcementStep } from '../../../shared/domain/enforcement';
import { watchedStates } from '../../../shared/domain/reminders';
import type { DataScope } from '../../../shared/domain/roles';
import type { Queryable } from '../../db/types';
import { Params, queryPage } from '../../platform/sql';

/**
 * The 建议执法措施 work list, set-based: every overdue round whose late work is the enterprise's (the watched
 * states the reminder engine assigns to the enterprise side), with the statutory step derived from the round's
 * cases — the SQL twin of `suggestedStep` in shared/domain/enforcement.ts — minus the steps the district dismissed.
 */

const ENTERPRISE_WATCH = watchedStates().filter((w) => w.actor === 'enterprise');

function roundRegion(scope: DataScope, p: Params): string {
  switch (scope.kind) {
    case 'city':
      return `r.city_code = ${p.add(scope.cityCode)}`;
    case 'district':
      return `r.district_code = ${p.add(scope.districtCode)}`;
    case 'enterprise':
    case 'agency':
    case 'expert':
      return 'FALSE';
  }
}

/** The suggestions (step not null, not dismissed) of the rounds matching `where`, as a derived table `s`. */
function suggestionsSql(p: Params, today: string, where: string): string {
  const t = p.add(today);
  return `
  SELECT r.id AS "roundId", r.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", e.credit_code AS "creditCode",
         r.district_code AS "districtCode", d.name AS "districtName", r.listing_year AS "listingYear", r.state,
         w.kind AS "deadlineKind", to_char(r.next_due_on, 'YYYY-MM-DD') AS "dueOn", (${t}::date - r.next_due_on) AS "daysOverdue",
         x.step,
         CASE WHEN x.step = 'rollover' THEN pen.id WHEN x.step = 'penalty' THEN ord.id END AS "basedOnCaseId",
         CASE WHEN x.step = 'rollover' THEN pen.decision_no WHEN x.step = 'penalty' THEN ord.decision_no END AS "basedOnDecisionNo",
         to_char(CASE WHEN x.step = 'rollover' THEN pen.decided_on WHEN x.step = 'penalty' THEN ord.decided_on END, 'YYYY-MM-DD') AS "basedOnDate"
    FROM audit_rounds r
    JOIN unnest(${p.add(ENTERPRISE_WATCH.map((w) => w.state))}::text[], ${p.add(ENTERPRISE_WATCH.map((w) => w.kind))}::text[]) AS w(state, kind)
      ON w.state = r.state
    JOIN enterprises e ON e.id = r.enterprise_id
    JOIN regions d ON d.code = r.district_code
    LEFT JOIN LATERAL (
      SELECT c.id, c.decision_no, c.decided_on, c.correction_due FROM enforcement_cases c
       WHERE c.round_id = r.id AND c.measure = 'order_correction' AND c.status <> 'open'
       ORDER BY c.decided_on DESC, c.id DESC LIMIT 1) ord ON true
    LEFT JOIN LATERAL (
      SELECT c.id, c.decision_no, c.decided_on FROM enforcement_cases c
       WHERE c.round_id = r.id AND c.measure IN ('fine', 'order_correction_fine') AND c.status <> 'open'
       ORDER BY c.decided_on DESC, c.id DESC LIMIT 1) pen ON true
    CROSS JOIN LATERAL (
      SELECT CASE
        WHEN pen.id IS NOT NULL THEN
          CASE WHEN extract(year FROM ${t}::date) > extract(year FROM pen.decided_on) THEN 'rollover' END
        WHEN EXISTS (SELECT 1 FROM enforcement_cases c WHERE c.round_id = r.id AND c.status = 'open'
                        AND c.measure IN ('fine', 'order_correction_fine')) THEN NULL
        WHEN ord.id IS NOT NULL THEN
          CASE WHEN ord.correction_due IS NULL OR ord.correction_due < ${t}::date THEN 'penalty' END
        WHEN EXISTS (SELECT 1 FROM enforcement_cases c WHERE c.round_id = r.id AND c.status = 'open'
                        AND c.measure = 'order_correction') THEN NULL
        ELSE 'orderCorrection' END AS step) x
   WHERE r.next_due_on < ${t}::date AND ${where}
     AND x.step IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM enforcement_suggestion_dismissals sd WHERE sd.round_id = r.id AND sd.step = x.step)`;
}

export function listStepSuggestions(
  db: Queryable,
  scope: DataScope,
  q: StepSuggestionQuery,
  today: string,
): Promise<{ items: StepSuggestion[]; total: number }> {
  const p = new Params();
  const where = [roundRegion(scope, p)];
  if (q.districtCode) where.push(`r.district_code = ${p.add(q.districtCode)}`);
  const inner = suggestionsSql(p, today, where.join(' AND '));
  const stepFilter = q.step ? `WHERE s.step = ${p.add(q.step)}` : '';
  return queryPage<StepSuggestion>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT * FROM (${inner}) s ${stepFilter} ORDER BY s."daysOverdue" DESC, s."roundId"`,
    `SELECT count(*)::int AS total FROM (${inner}) s ${stepFilter}`,
  );
}

/** The current suggestion of one round in scope (locking the round first, so a concurrent confirmation waits). */
export async function suggestionForRound(
  db: Queryable,
  scope: DataScope,
  roundId: string,
  today: string,
): Promise<{ exists: boolean; suggestion: StepSuggestion | undefined }> {
  const p = new Params();
  const lock = await db.query(`SELECT r.id FROM audit_rounds r WHERE r.id = ${p.add(roundId)} AND ${roundRegion(scope, p)} FOR UPDATE`, p.values);
  if (!lock.rows.length) return { exists: false, suggestion: undefined };
  const q = new Params();
  const { rows } = await db.query<StepSuggestion>(suggestionsSql(q, today, `r.id = ${q.add(roundId)}`), q.values);
  return { exists: true, suggestion: rows[0] };
}

export async function insertDismissal(
  db: Queryable,
  d: { roundId: string; step: EnforcementStep; reason: string; userId: string },
): Promise<void> {
  await db.query(
    `INSERT INTO enforcement_suggestion_dismissals (round_id, step, reason, city_code, district_code, dismissed_by)
     SELECT id, $2, $3, city_code, district_code, $4 FROM audit_rounds WHERE id = $1`,
    [d.roundId, d.step, d.reason, d.userId],
  );
}
