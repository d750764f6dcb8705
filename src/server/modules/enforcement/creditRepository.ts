import type { CreditFeedQuery, CreditListQuery, CreditRecord, DisclosureScopeMark, DisclosureScopeQuery } from '../../../shared/contracts/enforcement';
import type { CreditKind, CreditSource, LegalBasisCode, Measure, ViolationType } from '../../../shared/domain/enforcement';
import type { DataScope } from '../../../shared/domain/roles';
import type { Queryable } from '../../db/types';
import { likeEscape, Params, queryPage } from '../../platform/sql';

/** SQL of credit records (the credit feed) and the mandatory disclosure scope marks. */

const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Region scope on a table alias with city_code / district_code columns. */
function regionScope(scope: DataScope, p: Params, alias: string): string {
  switch (scope.kind) {
    case 'city':
      return `${alias}.city_code = ${p.add(scope.cityCode)}`;
    case 'district':
      return `${alias}.district_code = ${p.add(scope.districtCode)}`;
    case 'enterprise':
    case 'agency':
    case 'expert':
      return 'FALSE';
  }
}

export interface NewCreditRecord {
  enterpriseId: string;
  kind: CreditKind;
  source: CreditSource;
  caseId: string | null;
  roundId: string | null;
  recordedOn: string;
  descriptionZh: string;
  descriptionEn: string;
  cityCode: string;
  districtCode: string;
}

/** Insert one credit record; a second record for the same case or result is skipped (returns null). */
export async function insertCreditRecord(db: Queryable, r: NewCreditRecord): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO credit_records (enterprise_id, kind, source, case_id, round_id, recorded_on, period_year, description_zh,
       description_en, city_code, district_code)
     VALUES ($1, $2, $3, $4, $5, $6::date, extract(year FROM $6::date)::int, $7, $8, $9, $10)
     ON CONFLICT DO NOTHING RETURNING id`,
    [r.enterpriseId, r.kind, r.source, r.caseId, r.roundId, r.recordedOn, r.descriptionZh, r.descriptionEn, r.cityCode, r.districtCode],
  );
  return rows[0]?.id ?? null;
}

const CREDIT_SELECT = `SELECT cr.id, cr.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", e.credit_code AS "creditCode",
  cr.district_code AS "districtCode", d.name AS "districtName", cr.kind, cr.source, cr.case_id AS "caseId", cr.round_id AS "roundId",
  ${DAY('cr.recorded_on')} AS "recordedOn", cr.period_year AS "periodYear", cr.description_zh AS "descriptionZh",
  cr.description_en AS "descriptionEn"
  FROM credit_records cr
  JOIN enterprises e ON e.id = cr.enterprise_id
  JOIN regions d ON d.code = cr.district_code`;

function creditFilter(scope: DataScope, q: { districtCode?: string; kind?: CreditKind; from?: string; to?: string; keyword?: string }, p: Params): string {
  const where = [regionScope(scope, p, 'cr')];
  if (q.districtCode) where.push(`cr.district_code = ${p.add(q.districtCode)}`);
  if (q.kind) where.push(`cr.kind = ${p.add(q.kind)}`);
  if (q.from) where.push(`cr.recorded_on >= ${p.add(q.from)}::date`);
  if (q.to) where.push(`cr.recorded_on <= ${p.add(q.to)}::date`);
  if (q.keyword) {
    const kw = likeEscape(q.keyword);
    where.push(`(e.name ILIKE ${p.add(`%${kw}%`)} OR e.credit_code ILIKE ${p.add(`${kw.toUpperCase()}%`)})`);
  }
  return `WHERE ${where.join(' AND ')}`;
}

export function listCreditRecords(db: Queryable, scope: DataScope, q: CreditListQuery): Promise<{ items: CreditRecord[]; total: number }> {
  const p = new Params();
  const filter = creditFilter(scope, q, p);
  return queryPage<CreditRecord>(
    db,
    p,
    q.page,
    q.pageSize,
    `${CREDIT_SELECT} ${filter} ORDER BY cr.recorded_on DESC, cr.id DESC`,
    `SELECT count(*)::int AS total FROM credit_records cr JOIN enterprises e ON e.id = cr.enterprise_id ${filter}`,
  );
}

/** One row of the credit feed: the record with its case's facts. */
export interface FeedRow {
  id: string;
  enterpriseName: string;
  creditCode: string;
  districtCode: string;
  districtName: string;
  kind: CreditKind;
  source: CreditSource;
  recordedOn: string;
  periodYear: number;
  violationType: ViolationType | null;
  legalBasis: LegalBasisCode | null;
  measure: Measure | null;
  fineAmount: number | null;
  decisionNo: string | null;
  roundListingYear: number | null;
  descriptionZh: string;
  descriptionEn: string;
}
export type FeedCursor = [string, string];

/** A keyset page of the feed in (recorded_on, id) order, for streamed exports. */
export async function feedPage(db: Queryable, scope: DataScope, q: CreditFeedQuery, after: FeedCursor | null, size: number): Promise<FeedRow[]> {
  const p = new Params();
  const filter = creditFilter(scope, { from: q.from, to: q.to, districtCode: q.districtCode, kind: q.kind }, p);
  const keyset = after ? `AND (cr.recorded_on, cr.id) > (${p.add(after[0])}::date, ${p.add(after[1])}::uuid)` : '';
  const { rows } = await db.query<FeedRow>(
    `SELECT cr.id, e.name AS "enterpriseName", e.credit_code AS "creditCode", cr.district_code AS "districtCode", d.name AS "districtName",
            cr.kind, cr.source, ${DAY('cr.recorded_on')} AS "recordedOn", cr.period_year AS "periodYear",
            c.violation_type AS "violationType", c.legal_basis AS "legalBasis", c.measure, c.fine_amount::float8 AS "fineAmount",
            c.decision_no AS "decisionNo", r.listing_year AS "roundListingYear",
            cr.description_zh AS "descriptionZh", cr.description_en AS "descriptionEn"
       FROM credit_records cr
       JOIN enterprises e ON e.id = cr.enterprise_id
       JOIN regions d ON d.code = cr.district_code
       LEFT JOIN enforcement_cases c ON c.id = cr.case_id
       LEFT JOIN audit_rounds r ON r.id = COALESCE(cr.round_id, c.round_id)
       ${filter} ${keyset}
      ORDER BY cr.recorded_on, cr.id
      LIMIT ${p.add(size)}`,
    p.values,
  );
  return rows;
}

// --- disclosure scope ---

const SCOPE_SELECT = `SELECT m.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", e.credit_code AS "creditCode",
  m.district_code AS "districtCode", d.name AS "districtName", m.in_scope AS "inScope", ${DAY('m.since')} AS since, m.reason,
  m.source, m.case_id AS "caseId", ${TS('m.updated_at')} AS "updatedAt"
  FROM disclosure_scope_marks m
  JOIN enterprises e ON e.id = m.enterprise_id
  JOIN regions d ON d.code = m.district_code`;

export function listDisclosureScope(
  db: Queryable,
  scope: DataScope,
  q: DisclosureScopeQuery,
): Promise<{ items: DisclosureScopeMark[]; total: number }> {
  const p = new Params();
  const where = [regionScope(scope, p, 'm')];
  if (q.districtCode) where.push(`m.district_code = ${p.add(q.districtCode)}`);
  if (q.inScope !== undefined) where.push(`m.in_scope = ${p.add(q.inScope)}`);
  if (q.keyword) {
    const kw = likeEscape(q.keyword);
    where.push(`(e.name ILIKE ${p.add(`%${kw}%`)} OR e.credit_code ILIKE ${p.add(`${kw.toUpperCase()}%`)})`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  return queryPage<DisclosureScopeMark>(
    db,
    p,
    q.page,
    q.pageSize,
    `${SCOPE_SELECT} ${filter} ORDER BY m.in_scope DESC, m.since DESC, m.enterprise_id`,
    `SELECT count(*)::int AS total FROM disclosure_scope_marks m JOIN enterprises e ON e.id = m.enterprise_id ${filter}`,
  );
}

export async function findDisclosureMark(db: Queryable, enterpriseId: string, forUpdate = false): Promise<DisclosureScopeMark | undefined> {
  const { rows } = await db.query<DisclosureScopeMark>(
    `${SCOPE_SELECT} WHERE m.enterprise_id = $1${forUpdate ? ' FOR UPDATE OF m' : ''}`,
    [enterpriseId],
  );
  return rows[0];
}

/** Set an enterprise's mark (insert or replace), from a penalty or by the city. */
export async function upsertDisclosureMark(
  db: Queryable,
  m: { enterpriseId: string; inScope: boolean; since: string; reason: string; source: 'penalty' | 'manual'; caseId: string | null; userId: string },
): Promise<void> {
  await db.query(
    `INSERT INTO disclosure_scope_marks (enterprise_id, in_scope, since, reason, source, case_id, city_code, district_code, updated_by)
     SELECT e.id, $2, $3::date, $4, $5, $6, e.city_code, e.district_code, $7 FROM enterprises e WHERE e.id = $1
     ON CONFLICT (enterprise_id) DO UPDATE SET in_scope = EXCLUDED.in_scope, since = EXCLUDED.since, reason = EXCLUDED.reason,
       source = EXCLUDED.source, case_id = EXCLUDED.case_id, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [m.enterpriseId, m.inScope, m.since, m.reason, m.source, m.caseId, m.userId],
  );
}

/** Facts of an accepted round for the positive credit rule. */
export async function acceptedRound(
  db: Queryable,
  roundId: string,
): Promise<{ enterpriseId: string; listingYear: number; cityCode: string; districtCode: string } | undefined> {
  const { rows } = await db.query<{ enterpriseId: string; listingYear: number; cityCode: string; districtCode: string }>(
    `SELECT enterprise_id AS "enterpriseId", listing_year AS "listingYear", city_code AS "cityCode", district_code AS "districtCode"
       FROM audit_rounds WHERE id = $1`,
    [roundId],
  );
  return rows[0];
}
