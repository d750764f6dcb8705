import type { PlanImportStatus } from '../../../shared/contracts/planImports';
import type { ImportLayout } from '../../../shared/domain/excelLayouts';
import type { ListingReason } from '../../../shared/domain/listingReasons';
import type { DataScope } from '../../../shared/domain/roles';
import type { ImportRowProblem } from '../../../shared/i18n/importMessages';
import type { Queryable } from '../../db/types';
import { Params } from '../../platform/sql';
import { enterpriseScope } from '../enterprises/repository';
import { TS } from './repository';

/** The plan entry a valid row will create. */
export interface ImportEntry {
  enterpriseId: string;
  districtCode: string;
  plannedYear: number;
  reasons: ListingReason[];
  reasonDetails: string | null;
  lastAuditOn: string | null;
  contactName: string | null;
  contactPhone: string | null;
  remarks: string | null;
}

/** One row as stored in plan_imports.rows. */
export interface StoredImportRow {
  rowNumber: number;
  values: Record<string, string>;
  problems: ImportRowProblem[];
  entry: ImportEntry | null;
}

export interface PlanImportRecord {
  id: string;
  layout: ImportLayout;
  status: PlanImportStatus;
  fileName: string;
  rows: StoredImportRow[];
  validCount: number;
  errorCount: number;
  createdCount: number | null;
  uploadedAt: string;
  committedAt: string | null;
  cityCode: string;
  districtCode: string | null;
}

/** The caller's data scope on plan_imports `pi`: the city sees its city's imports, a district its own. */
export function planImportScope(scope: DataScope, p: Params): string {
  switch (scope.kind) {
    case 'city':
      return `pi.city_code = ${p.add(scope.cityCode)}`;
    case 'district':
      return `pi.district_code = ${p.add(scope.districtCode)}`;
    case 'enterprise':
    case 'agency':
    case 'expert':
      return 'FALSE';
  }
}

export interface DistrictRef {
  code: string;
  name: string;
}

/** The districts of a city (for matching the 区县 column by name or code). */
export async function districtsOfCity(db: Queryable, cityCode: string): Promise<DistrictRef[]> {
  const { rows } = await db.query<DistrictRef>(
    `SELECT code, name FROM regions WHERE level = 'district' AND parent_code = $1 ORDER BY sort, code`,
    [cityCode],
  );
  return rows;
}

export interface EnterpriseRef {
  id: string;
  creditCode: string;
  districtCode: string;
  districtName: string;
}

/** The registered enterprises with these credit codes that the caller may see. */
export async function enterprisesByCreditCodes(
  db: Queryable,
  scope: DataScope,
  codes: readonly string[],
): Promise<EnterpriseRef[]> {
  if (!codes.length) return [];
  const p = new Params();
  const { rows } = await db.query<EnterpriseRef>(
    `SELECT e.id, e.credit_code AS "creditCode", e.district_code AS "districtCode", d.name AS "districtName"
       FROM enterprises e JOIN regions d ON d.code = e.district_code
      WHERE e.credit_code = ANY(${p.add([...codes])}::text[]) AND ${enterpriseScope(scope, p)}`,
    p.values,
  );
  return rows;
}

/** Of the (enterprise, year) pairs, those already planned (live entry) or listed (a round). */
export async function takenPairs(
  db: Queryable,
  pairs: readonly { enterpriseId: string; year: number }[],
): Promise<Set<string>> {
  if (!pairs.length) return new Set();
  const { rows } = await db.query<{ enterpriseId: string; year: number }>(
    `WITH wanted AS (SELECT * FROM unnest($1::uuid[], $2::int[]) AS w(enterprise_id, year))
     SELECT w.enterprise_id AS "enterpriseId", w.year FROM wanted w
      WHERE EXISTS (SELECT 1 FROM plan_entries pe
                     WHERE pe.enterprise_id = w.enterprise_id AND pe.planned_year = w.year AND pe.status <> 'rejected')
         OR EXISTS (SELECT 1 FROM audit_rounds r WHERE r.enterprise_id = w.enterprise_id AND r.listing_year = w.year)`,
    [pairs.map((x) => x.enterpriseId), pairs.map((x) => x.year)],
  );
  return new Set(rows.map((r) => `${r.enterpriseId}|${r.year}`));
}

export async function insertPlanImport(
  db: Queryable,
  i: {
    layout: ImportLayout;
    fileId: string;
    rows: StoredImportRow[];
    validCount: number;
    errorCount: number;
    uploadedBy: string;
    cityCode: string;
    districtCode: string | null;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO plan_imports (layout, file_id, rows, valid_count, error_count, uploaded_by, city_code, district_code)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8) RETURNING id`,
    [i.layout, i.fileId, JSON.stringify(i.rows), i.validCount, i.errorCount, i.uploadedBy, i.cityCode, i.districtCode],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('plan import insert returned no id');
  return id;
}

export async function findPlanImport(
  db: Queryable,
  scope: DataScope,
  id: string,
  forUpdate = false,
): Promise<PlanImportRecord | undefined> {
  const p = new Params();
  const { rows } = await db.query<PlanImportRecord>(
    `SELECT pi.id, pi.layout, pi.status, f.original_name AS "fileName", pi.rows, pi.valid_count AS "validCount",
            pi.error_count AS "errorCount", pi.created_count AS "createdCount", ${TS('pi.uploaded_at')} AS "uploadedAt",
            ${TS('pi.committed_at')} AS "committedAt", pi.city_code AS "cityCode", pi.district_code AS "districtCode"
       FROM plan_imports pi JOIN files f ON f.id = pi.file_id
      WHERE pi.id = ${p.add(id)} AND ${planImportScope(scope, p)}${forUpdate ? ' FOR UPDATE OF pi' : ''}`,
    p.values,
  );
  return rows[0];
}

/** The conditional write of the commit: only an import still 'uploaded' becomes 'committed'. */
export async function markCommitted(db: Queryable, id: string, committedBy: string, createdCount: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE plan_imports SET status = 'committed', committed_by = $2, committed_at = now(), created_count = $3
      WHERE id = $1 AND status = 'uploaded'`,
    [id, committedBy, createdCount],
  );
  return rowCount > 0;
}

/** Discard: only an import still 'uploaded' may be discarded. */
export async function markDiscarded(db: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await db.query(`UPDATE plan_imports SET status = 'discarded' WHERE id = $1 AND status = 'uploaded'`, [id]);
  return rowCount > 0;
}
