import type { PlanSuggestionQuery } from '../../../shared/contracts/planSuggestions';
import type { ListingReason } from '../../../shared/domain/listingReasons';
import { FIVE_YEAR_RULE_LEAD_YEARS, RECENT_YEARS, type SuggestionRule } from '../../../shared/domain/planSuggestions';
import type { DataScope } from '../../../shared/domain/roles';
import type { RoundState } from '../../../shared/domain/roundStates';
import type { Queryable } from '../../db/types';
import { Params, queryPage } from '../../platform/sql';

/**
 * The 附件4 suggestion rules as one set-based query over the enterprises in scope (see docs: rules 1–3).
 * Excluded: enterprises already planned (live entry) or listed for the year, decided (accepted or dismissed)
 * for the year, and enterprises whose latest round was withdrawn (closed down / deregistered).
 */

export interface SuggestionRow {
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  districtCode: string;
  districtName: string;
  industryName: string | null;
  keyIndustryName: string | null;
  plannedYear: number;
  rules: SuggestionRule[];
  lastAcceptedOn: string | null;
  lastPenaltyOn: string | null;
  lastExceedYear: number | null;
  latestRoundId: string | null;
  latestRoundYear: number | null;
  latestRoundState: RoundState | null;
  latestRoundReasons: ListingReason[] | null;
}

function enterpriseRegion(scope: DataScope, p: Params): string {
  switch (scope.kind) {
    case 'city':
      return `e.city_code = ${p.add(scope.cityCode)}`;
    case 'district':
      return `e.district_code = ${p.add(scope.districtCode)}`;
    case 'enterprise':
    case 'agency':
    case 'expert':
      return 'FALSE';
  }
}

function suggestionsSql(p: Params, year: number, where: string): string {
  const y = p.add(year);
  const lead = p.add(FIVE_YEAR_RULE_LEAD_YEARS);
  const recent = p.add(RECENT_YEARS);
  return `
  SELECT * FROM (
    SELECT e.id AS "enterpriseId", e.name AS "enterpriseName", e.credit_code AS "creditCode", e.district_code AS "districtCode",
           d.name AS "districtName", i.name AS "industryName", ki.name AS "keyIndustryName", ${y}::int AS "plannedYear",
           to_char(acc.accepted_on, 'YYYY-MM-DD') AS "lastAcceptedOn", to_char(pen.decided_on, 'YYYY-MM-DD') AS "lastPenaltyOn",
           exc.listing_year AS "lastExceedYear", lr.id AS "latestRoundId", lr.listing_year AS "latestRoundYear",
           lr.state AS "latestRoundState", lr.reasons AS "latestRoundReasons",
           array_remove(ARRAY[
             CASE WHEN lr.state IN ('accepted', 'closed') AND 'toxic' = ANY (lr.reasons)
                       AND extract(year FROM acc.accepted_on) <= ${y}::int - ${lead}::int THEN 'fiveYear' END,
             CASE WHEN e.key_industry_code IS NOT NULL AND (pen.decided_on IS NOT NULL OR exc.listing_year IS NOT NULL)
                  THEN 'keyIndustryRisk' END,
             CASE WHEN lr.state NOT IN ('accepted', 'closed', 'withdrawn') THEN 'unfinished' END
           ]::text[], NULL) AS rules
      FROM enterprises e
      JOIN regions d ON d.code = e.district_code
      LEFT JOIN industries i ON i.code = e.industry_code
      LEFT JOIN key_industries ki ON ki.code = e.key_industry_code
      LEFT JOIN LATERAL (
        SELECT r.id, r.listing_year, r.state, r.reasons FROM audit_rounds r
         WHERE r.enterprise_id = e.id AND r.listing_year < ${y}::int AND r.list_published_on IS NOT NULL
         ORDER BY r.listing_year DESC LIMIT 1) lr ON true
      LEFT JOIN LATERAL (
        SELECT ((max(h.occurred_at) AT TIME ZONE 'UTC') + interval '8 hours')::date AS accepted_on
          FROM round_history h WHERE h.round_id = lr.id AND h.to_state = 'accepted') acc ON true
      LEFT JOIN LATERAL (
        SELECT max(c.decided_on) AS decided_on FROM enforcement_cases c
         WHERE c.enterprise_id = e.id AND c.measure IN ('fine', 'order_correction_fine') AND c.status <> 'open'
           AND c.decided_on >= make_date(${y}::int - ${recent}::int, 1, 1) AND c.decided_on < make_date(${y}::int, 1, 1)) pen ON true
      LEFT JOIN LATERAL (
        SELECT max(r.listing_year) AS listing_year FROM audit_rounds r
         WHERE r.enterprise_id = e.id AND 'dual_exceed' = ANY (r.reasons) AND r.list_published_on IS NOT NULL
           AND r.listing_year BETWEEN ${y}::int - ${recent}::int AND ${y}::int - 1) exc ON true
     WHERE ${where}
       AND (lr.state IS NULL OR lr.state <> 'withdrawn')
       AND NOT EXISTS (SELECT 1 FROM plan_entries pe WHERE pe.enterprise_id = e.id AND pe.planned_year = ${y}::int AND pe.status <> 'rejected')
       AND NOT EXISTS (SELECT 1 FROM audit_rounds r WHERE r.enterprise_id = e.id AND r.listing_year = ${y}::int)
       AND NOT EXISTS (SELECT 1 FROM plan_suggestion_decisions sd WHERE sd.enterprise_id = e.id AND sd.planned_year = ${y}::int)
  ) s WHERE cardinality(s.rules) > 0`;
}

export function listSuggestions(db: Queryable, scope: DataScope, q: PlanSuggestionQuery): Promise<{ items: SuggestionRow[]; total: number }> {
  const p = new Params();
  const where = [enterpriseRegion(scope, p)];
  if (q.districtCode) where.push(`e.district_code = ${p.add(q.districtCode)}`);
  const inner = suggestionsSql(p, q.year, where.join(' AND '));
  const ruleFilter = q.rule ? ` AND ${p.add(q.rule)} = ANY (s.rules)` : '';
  return queryPage<SuggestionRow>(
    db,
    p,
    q.page,
    q.pageSize,
    `${inner}${ruleFilter} ORDER BY s."districtCode", s."enterpriseName", s."enterpriseId"`,
    `SELECT count(*)::int AS total FROM (${inner}${ruleFilter}) t`,
  );
}

/** The current suggestion for one enterprise and year in scope (undefined: none). */
export async function suggestionFor(db: Queryable, scope: DataScope, enterpriseId: string, year: number): Promise<SuggestionRow | undefined> {
  const p = new Params();
  const where = `${enterpriseRegion(scope, p)} AND e.id = ${p.add(enterpriseId)}`;
  const { rows } = await db.query<SuggestionRow>(suggestionsSql(p, year, where), p.values);
  return rows[0];
}

export async function insertDecision(
  db: Queryable,
  d: {
    enterpriseId: string;
    year: number;
    decision: 'accepted' | 'dismissed';
    rules: readonly SuggestionRule[];
    reason: string | null;
    planEntryId: string | null;
    userId: string;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO plan_suggestion_decisions (enterprise_id, planned_year, decision, rules, reason, plan_entry_id, city_code,
       district_code, decided_by)
     SELECT e.id, $2, $3, $4::text[], $5, $6, e.city_code, e.district_code, $7 FROM enterprises e WHERE e.id = $1
     RETURNING id`,
    [d.enterpriseId, d.year, d.decision, [...d.rules], d.reason, d.planEntryId, d.userId],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('suggestion decision insert returned no id');
  return id;
}

/** Serialise decisions on one enterprise (a row lock on the enterprise). */
export async function lockEnterprise(db: Queryable, enterpriseId: string): Promise<void> {
  await db.query('SELECT id FROM enterprises WHERE id = $1 FOR UPDATE', [enterpriseId]);
}
