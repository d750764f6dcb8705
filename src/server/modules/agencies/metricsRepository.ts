import type { AgencyMetrics } from '../../../shared/contracts/agencies';
import { FIRST_PASS_GRADES, mean, ratio, RETURN_TRANSITIONS } from '../../../shared/domain/agencies';
import { ACTIVE_ROUND_STATES } from '../../../shared/domain/roundStates';
import type { Queryable } from '../../db/types';
import { Params } from '../../platform/sql';

/** The summed facts of one agency (and one listing year, or all years when `year` is null). */
interface MetricRow {
  agencyId: string;
  year: number | null;
  isTotal: boolean;
  served: number;
  active: number;
  overdue: number;
  firstN: number;
  firstPass: number;
  evalN: number;
  evalSum: number;
  accN: number;
  accSum: number;
  returns: number;
  spotChecked: number;
  spotProblems: number;
  falsified: number;
}

/**
 * The performance record of a set of agencies in ONE statement (no query per agency or per round), summed per
 * agency and listing year and per agency over all years (GROUPING SETS). Definitions (also in the UI tooltips and
 * docs/ARCHITECTURE.md):
 *
 * - An agency's rounds: the rounds with an engagement of the agency (`round_engagements`, ended ones included),
 *   counted under the round's listing year. An event is attributed to the agency only if it happened while that
 *   agency was engaged (`engaged_at <= t < ended_at`), so an enterprise that changes agency does not charge the
 *   new agency with the old one's results.
 * - roundsServed: those rounds; activeRounds: those with the engagement still active.
 * - firstEvaluations / firstEvaluationsPassed: the round's first decided evaluation panel (earliest decided_at),
 *   when decided during the engagement; passed = grade pass or pass_with_revision. firstPassRate = passed / n.
 * - averageEvaluationScore / averageAcceptanceScore: mean panel score of every decided evaluation (acceptance)
 *   panel of those rounds decided during the engagement.
 * - returnsForCorrection: round_history rows of returnEvaluationApplication / returnAcceptanceApplication that
 *   occurred during the engagement.
 * - overdueRounds: rounds still engaged, in an active (published, unfinished) state, whose next_due_on < today
 *   (China date).
 * - spotChecked / spotCheckProblems: spot-check items (spot_check_items, migration 0018) of those rounds with a
 *   recorded result ('conforming' | 'problems'), checked on a date within the engagement; problems = 'problems'.
 * - falsificationPenalties: enforcement cases (migration 0019) with violation_type 'falsified' and a decision
 *   (status decided or closed) on one of those rounds — or, without a round, on the enterprise of one of them —
 *   opened on a date within the engagement; each case counted once per agency (under the newest such round's year).
 */
export async function agencyMetricRows(
  db: Queryable,
  agencyIds: readonly string[],
  year: number | undefined,
  today: string,
): Promise<MetricRow[]> {
  if (!agencyIds.length) return [];
  const p = new Params();
  const ids = p.add(agencyIds);
  const yearCond = year !== undefined ? `AND r.listing_year = ${p.add(year)}` : '';
  const open = p.add(ACTIVE_ROUND_STATES);
  const todayParam = p.add(today);
  const passGrades = p.add(FIRST_PASS_GRADES);
  const returns = p.add(RETURN_TRANSITIONS);
  const during = (t: string) =>
    `EXISTS (SELECT 1 FROM eng e WHERE e.agency_id = s.agency_id AND e.round_id = s.round_id
              AND ${t} >= e.engaged_at AND ${t} < e.until)`;
  // The same for a date (China calendar day) instead of an instant.
  const duringDay = (d: string) =>
    `EXISTS (SELECT 1 FROM eng e WHERE e.agency_id = s.agency_id AND e.round_id = s.round_id
              AND ${d} >= (e.engaged_at AT TIME ZONE 'Asia/Shanghai')::date
              AND ${d} < (e.until AT TIME ZONE 'Asia/Shanghai')::date)`;
  const sql = `
    WITH eng AS (
      SELECT g.agency_id, g.round_id, g.engaged_at, COALESCE(g.ended_at, 'infinity'::timestamptz) AS until,
             g.ended_at IS NULL AS active
        FROM round_engagements g
       WHERE g.agency_id = ANY(${ids}::uuid[])
    ),
    served AS (
      SELECT e.agency_id, e.round_id, r.enterprise_id, r.listing_year AS year, bool_or(e.active) AS active, r.state, r.next_due_on
        FROM eng e JOIN audit_rounds r ON r.id = e.round_id
       WHERE TRUE ${yearCond}
       GROUP BY e.agency_id, e.round_id, r.enterprise_id, r.listing_year, r.state, r.next_due_on
    ),
    first_eval AS (
      SELECT DISTINCT ON (p.round_id) p.round_id, p.grade, p.decided_at
        FROM review_panels p
       WHERE p.kind = 'evaluation' AND p.decided_at IS NOT NULL AND p.round_id IN (SELECT round_id FROM served)
       ORDER BY p.round_id, p.decided_at, p.id
    ),
    facts AS (
      SELECT s.agency_id, s.year, 1 AS served, s.active::int AS active,
             (s.active AND s.state = ANY(${open}::text[]) AND s.next_due_on < ${todayParam}::date)::int AS overdue,
             (fe.round_id IS NOT NULL AND ${during('fe.decided_at')})::int AS first_n,
             (fe.round_id IS NOT NULL AND fe.grade = ANY(${passGrades}::text[]) AND ${during('fe.decided_at')})::int AS first_pass,
             0 AS eval_n, 0::float8 AS eval_sum, 0 AS acc_n, 0::float8 AS acc_sum, 0 AS returns,
             0 AS spot_checked, 0 AS spot_problems, 0 AS falsified
        FROM served s LEFT JOIN first_eval fe ON fe.round_id = s.round_id
      UNION ALL
      SELECT s.agency_id, s.year, 0, 0, 0, 0, 0,
             (p.kind = 'evaluation')::int, CASE WHEN p.kind = 'evaluation' THEN p.panel_score ELSE 0 END::float8,
             (p.kind = 'acceptance')::int, CASE WHEN p.kind = 'acceptance' THEN p.panel_score ELSE 0 END::float8, 0, 0, 0, 0
        FROM served s JOIN review_panels p ON p.round_id = s.round_id AND p.decided_at IS NOT NULL
       WHERE ${during('p.decided_at')}
      UNION ALL
      SELECT s.agency_id, s.year, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0
        FROM served s JOIN round_history h ON h.round_id = s.round_id AND h.transition = ANY(${returns}::text[])
       WHERE ${during('h.occurred_at')}
      UNION ALL
      SELECT s.agency_id, s.year, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (i.result = 'problems')::int, 0
        FROM served s JOIN spot_check_items i ON i.round_id = s.round_id AND i.result IN ('conforming', 'problems')
       WHERE ${duringDay('i.checked_on')}
      UNION ALL
      SELECT f.agency_id, f.year, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
        FROM (SELECT DISTINCT ON (c.id, s.agency_id) s.agency_id, s.year
                FROM served s JOIN enforcement_cases c
                  ON c.round_id = s.round_id OR (c.round_id IS NULL AND c.enterprise_id = s.enterprise_id)
               WHERE c.violation_type = 'falsified' AND c.status IN ('decided', 'closed') AND ${duringDay('c.opened_on')}
               ORDER BY c.id, s.agency_id, s.year DESC) f
    )
    SELECT agency_id AS "agencyId", year, GROUPING(year) = 1 AS "isTotal",
           sum(served)::int AS served, sum(active)::int AS active, sum(overdue)::int AS overdue,
           sum(first_n)::int AS "firstN", sum(first_pass)::int AS "firstPass",
           sum(eval_n)::int AS "evalN", sum(eval_sum)::float8 AS "evalSum",
           sum(acc_n)::int AS "accN", sum(acc_sum)::float8 AS "accSum", sum(returns)::int AS returns,
           sum(spot_checked)::int AS "spotChecked", sum(spot_problems)::int AS "spotProblems", sum(falsified)::int AS falsified
      FROM facts
     GROUP BY GROUPING SETS ((agency_id, year), (agency_id))
     ORDER BY agency_id, year DESC NULLS FIRST`;
  const { rows } = await db.query<MetricRow>(sql, p.values);
  return rows;
}

export const EMPTY_METRICS: AgencyMetrics = {
  roundsServed: 0,
  activeRounds: 0,
  firstEvaluations: 0,
  firstEvaluationsPassed: 0,
  firstPassRate: null,
  evaluationPanels: 0,
  averageEvaluationScore: null,
  acceptancePanels: 0,
  averageAcceptanceScore: null,
  returnsForCorrection: 0,
  overdueRounds: 0,
  spotChecked: 0,
  spotCheckProblems: 0,
  falsificationPenalties: 0,
};

/** The API figures of one summed row. */
export function toMetrics(row: MetricRow): AgencyMetrics {
  return {
    roundsServed: row.served,
    activeRounds: row.active,
    firstEvaluations: row.firstN,
    firstEvaluationsPassed: row.firstPass,
    firstPassRate: ratio(row.firstPass, row.firstN),
    evaluationPanels: row.evalN,
    averageEvaluationScore: mean(row.evalSum, row.evalN),
    acceptancePanels: row.accN,
    averageAcceptanceScore: mean(row.accSum, row.accN),
    returnsForCorrection: row.returns,
    overdueRounds: row.overdue,
    spotChecked: row.spotChecked,
    spotCheckProblems: row.spotProblems,
    falsificationPenalties: row.falsified,
  };
}
