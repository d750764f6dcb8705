import type { CaseListQuery } from '../../../shared/contracts/enforcement';
import type { CaseStatus, EnforcementStep, LegalBasisCode, Measure, ViolationType } from '../../../shared/domain/enforcement';
import type { DataScope } from '../../../shared/domain/roles';
import type { Queryable } from '../../db/types';
import { likeEscape, orderBy, Params, queryPage } from '../../platform/sql';

/** SQL of enforcement cases (执法案件). */

const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

export interface CaseRow {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  creditCode: string;
  roundId: string | null;
  roundListingYear: number | null;
  districtCode: string;
  districtName: string;
  cityCode: string;
  violationType: ViolationType;
  legalBasis: LegalBasisCode;
  measure: Measure;
  facts: string;
  openedOn: string;
  correctionDue: string | null;
  decisionNo: string | null;
  decidedOn: string | null;
  fineAmount: number | null;
  status: CaseStatus;
  closedOn: string | null;
  closeNote: string | null;
  suggestedStep: Exclude<EnforcementStep, 'rollover'> | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const SELECT = `SELECT c.id, c.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", e.credit_code AS "creditCode",
  c.round_id AS "roundId", r.listing_year AS "roundListingYear", c.district_code AS "districtCode", d.name AS "districtName",
  c.city_code AS "cityCode", c.violation_type AS "violationType", c.legal_basis AS "legalBasis", c.measure, c.facts,
  ${DAY('c.opened_on')} AS "openedOn", ${DAY('c.correction_due')} AS "correctionDue", c.decision_no AS "decisionNo",
  ${DAY('c.decided_on')} AS "decidedOn", c.fine_amount::float8 AS "fineAmount", c.status, ${DAY('c.closed_on')} AS "closedOn",
  c.close_note AS "closeNote", c.suggested_step AS "suggestedStep", c.version,
  ${TS('c.created_at')} AS "createdAt", ${TS('c.updated_at')} AS "updatedAt"
  FROM enforcement_cases c
  JOIN enterprises e ON e.id = c.enterprise_id
  JOIN regions d ON d.code = c.district_code
  LEFT JOIN audit_rounds r ON r.id = c.round_id`;

/** The caller's scope on enforcement_cases `c`: the city all of its city, a district its own; nobody else. */
export function caseScope(scope: DataScope, p: Params): string {
  switch (scope.kind) {
    case 'city':
      return `c.city_code = ${p.add(scope.cityCode)}`;
    case 'district':
      return `c.district_code = ${p.add(scope.districtCode)}`;
    case 'enterprise':
    case 'agency':
    case 'expert':
      return 'FALSE';
  }
}

const SORT = {
  openedOn: 'c.opened_on',
  decidedOn: 'c.decided_on',
  enterpriseName: 'e.name',
  fineAmount: 'c.fine_amount',
} as const;

export async function listCases(db: Queryable, scope: DataScope, q: CaseListQuery): Promise<{ items: CaseRow[]; total: number }> {
  const p = new Params();
  const where = [caseScope(scope, p)];
  if (q.districtCode) where.push(`c.district_code = ${p.add(q.districtCode)}`);
  if (q.violationType) where.push(`c.violation_type = ${p.add(q.violationType)}`);
  if (q.status) where.push(`c.status = ${p.add(q.status)}`);
  if (q.enterpriseId) where.push(`c.enterprise_id = ${p.add(q.enterpriseId)}`);
  if (q.year !== undefined) {
    // A range on opened_on, so the (region, opened_on) indexes serve it.
    where.push(`c.opened_on >= make_date(${p.add(q.year)}::int, 1, 1) AND c.opened_on < make_date(${p.add(q.year + 1)}::int, 1, 1)`);
  }
  if (q.keyword) {
    const kw = likeEscape(q.keyword);
    where.push(`(e.name ILIKE ${p.add(`%${kw}%`)} OR e.credit_code ILIKE ${p.add(`${kw.toUpperCase()}%`)} OR c.decision_no ILIKE ${p.add(`%${kw}%`)})`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  return queryPage<CaseRow>(
    db,
    p,
    q.page,
    q.pageSize,
    `${SELECT} ${filter} ${orderBy(q.sort, SORT, 'c.id')}`,
    `SELECT count(*)::int AS total FROM enforcement_cases c JOIN enterprises e ON e.id = c.enterprise_id ${filter}`,
  );
}

export async function findCase(db: Queryable, scope: DataScope, id: string, forUpdate = false): Promise<CaseRow | undefined> {
  const p = new Params();
  const { rows } = await db.query<CaseRow>(
    `${SELECT} WHERE c.id = ${p.add(id)} AND ${caseScope(scope, p)}${forUpdate ? ' FOR UPDATE OF c' : ''}`,
    p.values,
  );
  return rows[0];
}

export interface CaseValues {
  enterpriseId: string;
  roundId: string | null;
  violationType: ViolationType;
  legalBasis: LegalBasisCode;
  measure: Measure;
  facts: string;
  openedOn: string;
  correctionDue: string | null;
  fineAmount: number | null;
}

export async function insertCase(
  db: Queryable,
  v: CaseValues & { cityCode: string; districtCode: string; createdBy: string; suggestedStep: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO enforcement_cases (enterprise_id, round_id, violation_type, legal_basis, measure, facts, opened_on,
       correction_due, fine_amount, suggested_step, city_code, district_code, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
    [v.enterpriseId, v.roundId, v.violationType, v.legalBasis, v.measure, v.facts, v.openedOn, v.correctionDue, v.fineAmount,
      v.suggestedStep, v.cityCode, v.districtCode, v.createdBy],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('case insert returned no id');
  return id;
}

/** Edit an open case (conditional on status and version: false when it changed meanwhile). */
export async function updateOpenCase(db: Queryable, id: string, version: number, v: CaseValues, userId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE enforcement_cases SET enterprise_id = $3, round_id = $4, violation_type = $5, legal_basis = $6, measure = $7,
       facts = $8, opened_on = $9, correction_due = $10, fine_amount = $11, updated_by = $12, updated_at = now(),
       version = version + 1
     WHERE id = $1 AND version = $2 AND status = 'open'`,
    [id, version, v.enterpriseId, v.roundId, v.violationType, v.legalBasis, v.measure, v.facts, v.openedOn, v.correctionDue,
      v.fineAmount, userId],
  );
  return rowCount > 0;
}

export async function decideCase(
  db: Queryable,
  id: string,
  version: number,
  d: { decisionNo: string; decidedOn: string; userId: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE enforcement_cases SET status = 'decided', decision_no = $3, decided_on = $4, updated_by = $5, updated_at = now(),
       version = version + 1
     WHERE id = $1 AND version = $2 AND status = 'open'`,
    [id, version, d.decisionNo, d.decidedOn, d.userId],
  );
  return rowCount > 0;
}

export async function closeCase(
  db: Queryable,
  id: string,
  version: number,
  d: { closedOn: string; note: string | null; userId: string },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE enforcement_cases SET status = 'closed', closed_on = $3, close_note = $4, updated_by = $5, updated_at = now(),
       version = version + 1
     WHERE id = $1 AND version = $2 AND status = 'decided'`,
    [id, version, d.closedOn, d.note, d.userId],
  );
  return rowCount > 0;
}

/** Whether the enterprise has a decided order to correct for one of `violations`, decided on or before `before`. */
export async function hasDecidedOrder(
  db: Queryable,
  enterpriseId: string,
  violations: readonly ViolationType[],
  before: string,
): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM enforcement_cases
      WHERE enterprise_id = $1 AND measure = 'order_correction' AND status IN ('decided', 'closed')
        AND violation_type = ANY($2::text[]) AND decided_on <= $3::date
      LIMIT 1`,
    [enterpriseId, [...violations], before],
  );
  return rows.length > 0;
}

/** A round of the enterprise, in the caller's scope (the case may name it). */
export async function roundOfEnterprise(
  db: Queryable,
  scope: DataScope,
  roundId: string,
  enterpriseId: string,
): Promise<{ id: string; listingYear: number } | undefined> {
  const p = new Params();
  const scopeSql =
    scope.kind === 'city' ? `r.city_code = ${p.add(scope.cityCode)}` : scope.kind === 'district' ? `r.district_code = ${p.add(scope.districtCode)}` : 'FALSE';
  const { rows } = await db.query<{ id: string; listingYear: number }>(
    `SELECT r.id, r.listing_year AS "listingYear" FROM audit_rounds r
      WHERE r.id = ${p.add(roundId)} AND r.enterprise_id = ${p.add(enterpriseId)} AND ${scopeSql}`,
    p.values,
  );
  return rows[0];
}

/** The bureau that decides a district's cases, in both languages (the credit record names it). */
export async function districtBureau(db: Queryable, districtCode: string): Promise<{ 'zh-CN': string; en: string }> {
  const { rows } = await db.query<{ zh: string; en: string }>(
    `SELECT COALESCE(o.name, d.name || '生态环境局') AS zh, COALESCE(o.name_en, d.name_en || ' Ecology and Environment Bureau') AS en
       FROM regions d LEFT JOIN organizations o ON o.kind = 'district_bureau' AND o.district_code = d.code
      WHERE d.code = $1`,
    [districtCode],
  );
  const row = rows[0];
  return { 'zh-CN': row?.zh ?? districtCode, en: row?.en ?? districtCode };
}
