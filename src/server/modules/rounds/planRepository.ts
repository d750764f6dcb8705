import type { PlanEntry, PlanEntryInput, PlanEntryListQuery, PlanEntryStatus } from '../../../shared/contracts/rounds';
import type { RoundDeadlines } from '../../../shared/domain/deadlines';
import type { DataScope } from '../../../shared/domain/roles';
import type { Queryable } from '../../db/types';
import { likeEscape, orderBy, Params, queryPage } from '../../platform/sql';
import { TS } from './repository';

const SELECT = `SELECT pe.id, pe.enterprise_id AS "enterpriseId", e.name AS "enterpriseName", e.credit_code AS "creditCode",
  pe.district_code AS "districtCode", d.name AS "districtName", pe.planned_year AS "plannedYear", pe.reasons,
  pe.reason_details AS "reasonDetails", to_char(pe.last_audit_on, 'YYYY-MM-DD') AS "lastAuditOn",
  pe.contact_name AS "contactName", pe.contact_phone AS "contactPhone", pe.remarks, pe.status,
  pe.reject_reason AS "rejectReason", pe.round_id AS "roundId",
  ${TS('pe.proposed_at')} AS "proposedAt", ${TS('pe.reviewed_at')} AS "reviewedAt"
  FROM plan_entries pe
  JOIN enterprises e ON e.id = pe.enterprise_id
  JOIN regions d ON d.code = pe.district_code`;

/** The caller's data scope on plan_entries `pe`: the city sees all, a district its own. */
export function planEntryScope(scope: DataScope, p: Params): string {
  switch (scope.kind) {
    case 'city':
      return `pe.city_code = ${p.add(scope.cityCode)}`;
    case 'district':
      return `pe.district_code = ${p.add(scope.districtCode)}`;
    case 'enterprise':
    case 'agency':
    case 'expert':
      return 'FALSE';
  }
}

const SORT_COLUMNS = {
  plannedYear: 'pe.planned_year',
  enterpriseName: 'e.name',
  districtCode: 'pe.district_code',
  proposedAt: 'pe.proposed_at',
} as const;

export async function listPlanEntries(
  db: Queryable,
  scope: DataScope,
  q: PlanEntryListQuery,
): Promise<{ items: PlanEntry[]; total: number }> {
  const p = new Params();
  const where = [planEntryScope(scope, p)];
  if (q.plannedYear !== undefined) where.push(`pe.planned_year = ${p.add(q.plannedYear)}`);
  if (q.districtCode) where.push(`pe.district_code = ${p.add(q.districtCode)}`);
  if (q.status) where.push(`pe.status = ${p.add(q.status)}`);
  if (q.keyword) {
    const kw = likeEscape(q.keyword);
    where.push(`(e.name ILIKE ${p.add(`%${kw}%`)} OR e.credit_code ILIKE ${p.add(`${kw.toUpperCase()}%`)})`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  const { items, total } = await queryPage<PlanEntry>(
    db,
    p,
    q.page,
    q.pageSize,
    `${SELECT} ${filter} ${orderBy(q.sort, SORT_COLUMNS, 'pe.id')}`,
    `SELECT count(*)::int AS total FROM plan_entries pe JOIN enterprises e ON e.id = pe.enterprise_id ${filter}`,
  );
  return { items, total };
}

export async function findPlanEntry(
  db: Queryable,
  scope: DataScope,
  id: string,
  forUpdate = false,
): Promise<PlanEntry | undefined> {
  const p = new Params();
  const { rows } = await db.query<PlanEntry>(
    `${SELECT} WHERE pe.id = ${p.add(id)} AND ${planEntryScope(scope, p)}${forUpdate ? ' FOR UPDATE OF pe' : ''}`,
    p.values,
  );
  return rows[0];
}

/** Whether a live (not rejected) entry exists for the enterprise and year. */
export async function liveEntryExists(db: Queryable, enterpriseId: string, year: number): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM plan_entries WHERE enterprise_id = $1 AND planned_year = $2 AND status <> 'rejected'`,
    [enterpriseId, year],
  );
  return rows.length > 0;
}

export interface NewPlanEntry extends PlanEntryInput {
  cityCode: string;
  districtCode: string;
  proposedBy: string | null;
}

export async function insertPlanEntry(db: Queryable, e: NewPlanEntry): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO plan_entries (enterprise_id, city_code, district_code, planned_year, reasons, reason_details,
       last_audit_on, contact_name, contact_phone, remarks, proposed_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      e.enterpriseId,
      e.cityCode,
      e.districtCode,
      e.plannedYear,
      e.reasons,
      e.reasonDetails ?? null,
      e.lastAuditOn ?? null,
      e.contactName ?? null,
      e.contactPhone ?? null,
      e.remarks ?? null,
      e.proposedBy,
    ],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('plan entry insert returned no id');
  return id;
}

/**
 * The conditional write of a review: succeeds only while the entry is in one of `from` and not yet
 * published. Returns false when it was not (a concurrent review or publication came first).
 */
export async function reviewPlanEntry(
  db: Queryable,
  id: string,
  review: { from: readonly PlanEntryStatus[]; to: PlanEntryStatus; rejectReason: string | null; reviewedBy: string | null },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE plan_entries SET status = $2, reject_reason = $3, reviewed_by = $4, reviewed_at = now(), updated_at = now()
      WHERE id = $1 AND status = ANY($5::text[]) AND round_id IS NULL`,
    [id, review.to, review.rejectReason, review.reviewedBy, [...review.from]],
  );
  return rowCount > 0;
}

export interface PublishedRound {
  id: string;
  enterpriseId: string;
  planEntryId: string;
  districtCode: string;
}

/**
 * Publication, set-based: every approved, unpublished entry of the campaign's city and year becomes
 * a round in state 'listed' with the given due dates (locking the entries first, so a concurrent review
 * or publication waits), and each entry is linked to its round. Returns the rounds created.
 */
export async function publishApprovedEntries(
  db: Queryable,
  c: { campaignId: string; cityCode: string; year: number; publishedOn: string; deadlines: RoundDeadlines },
): Promise<PublishedRound[]> {
  await db.query(
    `SELECT id FROM plan_entries WHERE city_code = $1 AND planned_year = $2 AND status = 'approved' AND round_id IS NULL
      FOR UPDATE`,
    [c.cityCode, c.year],
  );
  const { rows } = await db.query<PublishedRound>(
    `INSERT INTO audit_rounds (enterprise_id, campaign_id, plan_entry_id, listing_year, reasons, reason_details, state,
       list_published_on, disclose_due, start_due, report_due, next_due_on, city_code, district_code)
     SELECT pe.enterprise_id, $1, pe.id, pe.planned_year, pe.reasons, pe.reason_details, 'listed',
            $4::date, $5::date, $6::date, $7::date, $5::date, pe.city_code, pe.district_code
       FROM plan_entries pe
      WHERE pe.city_code = $2 AND pe.planned_year = $3 AND pe.status = 'approved' AND pe.round_id IS NULL
      ORDER BY pe.district_code, pe.proposed_at, pe.id
     RETURNING id, enterprise_id AS "enterpriseId", plan_entry_id AS "planEntryId", district_code AS "districtCode"`,
    [c.campaignId, c.cityCode, c.year, c.publishedOn, c.deadlines.disclose, c.deadlines.start, c.deadlines.report],
  );
  if (!rows.length) return [];
  await db.query(
    `UPDATE plan_entries pe SET round_id = r.id, updated_at = now()
       FROM audit_rounds r WHERE r.plan_entry_id = pe.id AND r.id = ANY($1::uuid[])`,
    [rows.map((r) => r.id)],
  );
  return rows;
}

/** A plan entry created by a set-based insert (an Excel import). */
export interface InsertedPlanEntry {
  id: string;
  enterpriseId: string;
  plannedYear: number;
  status: PlanEntryStatus;
}

/**
 * Set-based proposal: one INSERT … SELECT of all the entries, missing contacts taken from the registry,
 * skipping any (enterprise, year) already planned or listed (rows of a concurrent writer; the caller
 * compares the count). `reviewedBy` set: the entries are created approved by that user (a city import of 附件1).
 */
export async function insertPlanEntries(
  db: Queryable,
  entries: readonly (Omit<NewPlanEntry, 'proposedBy' | 'cityCode'> & { districtCode: string })[],
  c: { cityCode: string; proposedBy: string; reviewedBy: string | null },
): Promise<InsertedPlanEntry[]> {
  if (!entries.length) return [];
  const { rows } = await db.query<InsertedPlanEntry>(
    `INSERT INTO plan_entries (enterprise_id, city_code, district_code, planned_year, reasons, reason_details,
       last_audit_on, contact_name, contact_phone, remarks, proposed_by, status, reviewed_by, reviewed_at)
     SELECT x."enterpriseId", $2, x."districtCode", x."plannedYear", x.reasons, x."reasonDetails", x."lastAuditOn",
            COALESCE(x."contactName", e.contact_name), COALESCE(x."contactPhone", e.contact_phone), x.remarks, $3,
            CASE WHEN $4::uuid IS NULL THEN 'proposed' ELSE 'approved' END, $4::uuid,
            CASE WHEN $4::uuid IS NULL THEN NULL ELSE now() END
       FROM jsonb_to_recordset($1::jsonb) AS x("enterpriseId" uuid, "districtCode" text,
              "plannedYear" int, reasons text[], "reasonDetails" text, "lastAuditOn" date, "contactName" text,
              "contactPhone" text, remarks text, n int)
       JOIN enterprises e ON e.id = x."enterpriseId"
      WHERE NOT EXISTS (SELECT 1 FROM plan_entries pe WHERE pe.enterprise_id = x."enterpriseId"
                          AND pe.planned_year = x."plannedYear" AND pe.status <> 'rejected')
        AND NOT EXISTS (SELECT 1 FROM audit_rounds r WHERE r.enterprise_id = x."enterpriseId"
                          AND r.listing_year = x."plannedYear")
      ORDER BY x.n
     RETURNING id, enterprise_id AS "enterpriseId", planned_year AS "plannedYear", status`,
    [JSON.stringify(entries.map((e, n) => ({ ...e, n }))), c.cityCode, c.proposedBy, c.reviewedBy],
  );
  return rows;
}
