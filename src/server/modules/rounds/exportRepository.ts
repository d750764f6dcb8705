import type { PlanEntryExportQuery } from '../../../shared/contracts/planImports';
import type { ListingReason } from '../../../shared/domain/listingReasons';
import type { DataScope } from '../../../shared/domain/roles';
import type { RoundState } from '../../../shared/domain/roundStates';
import type { Queryable } from '../../db/types';
import { likeEscape, Params } from '../../platform/sql';
import { planEntryScope } from './planRepository';
import { roundScope } from './repository';

/** Keyset pages for the Excel exports: each query returns `size` rows after a cursor, never the whole table. */

const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;

export interface PlanEntryExportRow {
  id: string;
  districtCode: string;
  districtName: string;
  enterpriseName: string;
  creditCode: string;
  industryName: string;
  reasons: ListingReason[];
  plannedYear: number;
  lastAuditOn: string | null;
  contactName: string | null;
  contactPhone: string | null;
  remarks: string | null;
}
export type PlanEntryCursor = [districtCode: string, plannedYear: number, id: string];

export async function planEntryPage(
  db: Queryable,
  scope: DataScope,
  q: PlanEntryExportQuery,
  after: PlanEntryCursor | null,
  size: number,
): Promise<PlanEntryExportRow[]> {
  const p = new Params();
  const where = [planEntryScope(scope, p)];
  if (q.plannedYear !== undefined) where.push(`pe.planned_year = ${p.add(q.plannedYear)}`);
  if (q.districtCode) where.push(`pe.district_code = ${p.add(q.districtCode)}`);
  if (q.status) where.push(`pe.status = ${p.add(q.status)}`);
  if (q.keyword) {
    const kw = likeEscape(q.keyword);
    where.push(`(e.name ILIKE ${p.add(`%${kw}%`)} OR e.credit_code ILIKE ${p.add(`${kw.toUpperCase()}%`)})`);
  }
  if (after) {
    where.push(`(pe.district_code, pe.planned_year, pe.id) > (${p.add(after[0])}, ${p.add(after[1])}::int, ${p.add(after[2])}::uuid)`);
  }
  const { rows } = await db.query<PlanEntryExportRow>(
    `SELECT pe.id, pe.district_code AS "districtCode", d.name AS "districtName", e.name AS "enterpriseName",
            e.credit_code AS "creditCode", i.name AS "industryName", pe.reasons, pe.planned_year AS "plannedYear",
            ${DAY('pe.last_audit_on')} AS "lastAuditOn", pe.contact_name AS "contactName",
            pe.contact_phone AS "contactPhone", pe.remarks
       FROM plan_entries pe
       JOIN enterprises e ON e.id = pe.enterprise_id
       JOIN industries i ON i.code = e.industry_code
       JOIN regions d ON d.code = pe.district_code
      WHERE ${where.join(' AND ')}
      ORDER BY pe.district_code, pe.planned_year, pe.id
      LIMIT ${p.add(size)}`,
    p.values,
  );
  return rows;
}

export interface ListExportRow {
  id: string;
  districtCode: string;
  districtName: string;
  enterpriseName: string;
  creditCode: string;
  industryName: string;
  reasons: ListingReason[];
  reasonDetails: string | null;
  dischargePermitNo: string | null;
  remarks: string | null;
}
export type RoundCursor = [districtCode: string, id: string];

/** The published rounds of a campaign (附件1), in the caller's scope. */
export async function campaignListPage(
  db: Queryable,
  scope: DataScope,
  campaignId: string,
  after: RoundCursor | null,
  size: number,
): Promise<ListExportRow[]> {
  const p = new Params();
  const where = [roundScope(scope, p), `r.campaign_id = ${p.add(campaignId)}`, 'r.list_published_on IS NOT NULL'];
  if (after) where.push(`(r.district_code, r.id) > (${p.add(after[0])}, ${p.add(after[1])}::uuid)`);
  const { rows } = await db.query<ListExportRow>(
    `SELECT r.id, r.district_code AS "districtCode", d.name AS "districtName", e.name AS "enterpriseName",
            e.credit_code AS "creditCode", i.name AS "industryName", r.reasons, r.reason_details AS "reasonDetails",
            e.discharge_permit_no AS "dischargePermitNo", pe.remarks
       FROM audit_rounds r
       JOIN enterprises e ON e.id = r.enterprise_id
       JOIN industries i ON i.code = e.industry_code
       JOIN regions d ON d.code = r.district_code
       LEFT JOIN plan_entries pe ON pe.id = r.plan_entry_id
      WHERE ${where.join(' AND ')}
      ORDER BY r.district_code, r.id
      LIMIT ${p.add(size)}`,
    p.values,
  );
  return rows;
}

/** States in which a round no longer counts as unfinished for 附件2. */
export const BACKLOG_EXCLUDED_STATES = [
  'plan_proposed',
  'plan_approved',
  'plan_rejected',
  'accepted',
  'closed',
  'withdrawn',
  'rolled_over',
] as const satisfies readonly RoundState[];

export interface BacklogExportRow {
  id: string;
  districtCode: string;
  districtName: string;
  enterpriseName: string;
  creditCode: string;
  listingYear: number;
  reasons: ListingReason[];
  state: RoundState;
  evaluationPassedOn: string | null;
  acceptanceDue: string | null;
  /** The latest evaluation opinion's number (技术审查意见文号). */
  reviewOpinionNo: string | null;
  costlyOptions: number;
  costlyImplemented: number;
  costlyOpen: number;
}
export type BacklogCursor = [listingYear: number, districtCode: string, id: string];

/** 附件2: rounds listed before `beforeYear` that are not accepted (nor closed, withdrawn or rolled over). */
export async function backlogPage(
  db: Queryable,
  scope: DataScope,
  beforeYear: number,
  after: BacklogCursor | null,
  size: number,
): Promise<BacklogExportRow[]> {
  const p = new Params();
  const where = [
    roundScope(scope, p),
    `r.listing_year < ${p.add(beforeYear)}::int`,
    `r.state <> ALL(${p.add([...BACKLOG_EXCLUDED_STATES])}::text[])`,
  ];
  if (after) {
    where.push(`(r.listing_year, r.district_code, r.id) > (${p.add(after[0])}::int, ${p.add(after[1])}, ${p.add(after[2])}::uuid)`);
  }
  const { rows } = await db.query<BacklogExportRow>(
    `SELECT r.id, r.district_code AS "districtCode", d.name AS "districtName", e.name AS "enterpriseName",
            e.credit_code AS "creditCode", r.listing_year AS "listingYear", r.reasons, r.state,
            ${DAY('r.evaluation_passed_on')} AS "evaluationPassedOn", ${DAY('r.acceptance_due')} AS "acceptanceDue",
            op.opinion_no AS "reviewOpinionNo", o.costly::int AS "costlyOptions",
            o.implemented::int AS "costlyImplemented", o.open::int AS "costlyOpen"
       FROM audit_rounds r
       JOIN enterprises e ON e.id = r.enterprise_id
       JOIN regions d ON d.code = r.district_code
       LEFT JOIN LATERAL (
         SELECT opinion_no FROM review_opinions
          WHERE round_id = r.id AND kind = 'evaluation' ORDER BY created_at DESC LIMIT 1
       ) op ON TRUE
       CROSS JOIN LATERAL (
         SELECT count(*) FILTER (WHERE category = 'high_cost') AS costly,
                count(*) FILTER (WHERE category = 'high_cost' AND status = 'implemented') AS implemented,
                count(*) FILTER (WHERE category = 'high_cost' AND status IN ('proposed', 'implementing')) AS open
           FROM round_options WHERE round_id = r.id
       ) o
      WHERE ${where.join(' AND ')}
      ORDER BY r.listing_year, r.district_code, r.id
      LIMIT ${p.add(size)}`,
    p.values,
  );
  return rows;
}
