import type { ListingReason } from '../../../shared/domain/listingReasons';
import type { Queryable } from '../../db/types';
import { Params } from '../../platform/sql';
import { PUBLISHED, REVIEW_OPINION_JOIN } from '../portal/repository';
import { dateInYear } from './predicates';

/**
 * Open data reads: only what the portal shows (its `PUBLISHED` condition and review-opinion join), in keyset
 * pages so a download never holds a year's table in memory.
 */

const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const RESULTS_FROM = `FROM audit_rounds r
  JOIN result_batches b ON b.id = r.result_batch_id
  JOIN enterprises e ON e.id = r.enterprise_id
  JOIN industries i ON i.code = e.industry_code
  JOIN regions d ON d.code = r.district_code`;
const RESULT_PUBLISHED = `${PUBLISHED} AND r.state = 'closed'`;

export interface OpenListRow {
  id: string;
  listingYear: number;
  listPublishedOn: string;
  districtCode: string;
  districtName: string;
  enterpriseName: string;
  creditCode: string;
  industryCode: string;
  industryName: string;
  reasons: ListingReason[];
  reasonDetails: string | null;
}
export type OpenListCursor = [districtCode: string, id: string];

/** One page of a year's published list, ordered by district then round id, after the cursor. */
export async function listPage(db: Queryable, year: number, after: OpenListCursor | null, size: number): Promise<OpenListRow[]> {
  const p = new Params();
  const where = [PUBLISHED, `r.listing_year = ${p.add(year)}`];
  if (after) where.push(`(r.district_code, r.id) > (${p.add(after[0])}, ${p.add(after[1])}::uuid)`);
  const { rows } = await db.query<OpenListRow>(
    `SELECT r.id, r.listing_year AS "listingYear", ${DAY('r.list_published_on')} AS "listPublishedOn",
            r.district_code AS "districtCode", d.name AS "districtName", e.name AS "enterpriseName",
            e.credit_code AS "creditCode", e.industry_code AS "industryCode", i.name AS "industryName",
            r.reasons, r.reason_details AS "reasonDetails"
       FROM audit_rounds r
       JOIN enterprises e ON e.id = r.enterprise_id
       JOIN industries i ON i.code = e.industry_code
       JOIN regions d ON d.code = r.district_code
      WHERE ${where.join(' AND ')}
      ORDER BY r.district_code, r.id
      LIMIT ${p.add(size)}`,
    p.values,
  );
  return rows;
}

export interface OpenResultRow {
  id: string;
  batchId: string;
  batchPublishedOn: string;
  batchTitle: string;
  listingYear: number;
  districtCode: string;
  districtName: string;
  enterpriseName: string;
  creditCode: string;
  industryCode: string;
  industryName: string;
  evaluationPassedOn: string | null;
  reviewOpinionNo: string | null;
}
export type OpenResultCursor = [batchPublishedOn: string, batchId: string, districtCode: string, id: string];

/** One page of the results published (in batches) in a calendar year, oldest batch first, after the cursor. */
export async function resultPage(
  db: Queryable,
  year: number,
  after: OpenResultCursor | null,
  size: number,
): Promise<OpenResultRow[]> {
  const p = new Params();
  const where = [RESULT_PUBLISHED, dateInYear('b.published_on', year, p)];
  if (after) {
    where.push(
      `(b.published_on, b.id, r.district_code, r.id) > (${p.add(after[0])}::date, ${p.add(after[1])}::uuid, ${p.add(after[2])}, ${p.add(after[3])}::uuid)`,
    );
  }
  const { rows } = await db.query<OpenResultRow>(
    `SELECT r.id, b.id AS "batchId", ${DAY('b.published_on')} AS "batchPublishedOn", b.title AS "batchTitle",
            r.listing_year AS "listingYear", r.district_code AS "districtCode", d.name AS "districtName",
            e.name AS "enterpriseName", e.credit_code AS "creditCode", e.industry_code AS "industryCode",
            i.name AS "industryName", ${DAY('r.evaluation_passed_on')} AS "evaluationPassedOn",
            ro.opinion_no AS "reviewOpinionNo"
       ${RESULTS_FROM} ${REVIEW_OPINION_JOIN}
      WHERE ${where.join(' AND ')}
      ORDER BY b.published_on, b.id, r.district_code, r.id
      LIMIT ${p.add(size)}`,
    p.values,
  );
  return rows;
}

/** The years with published data and their row counts: lists by listing year, results by batch year. */
export async function catalog(db: Queryable): Promise<{ lists: { year: number; n: number }[]; results: { year: number; n: number }[] }> {
  const lists = await db.query<{ year: number; n: number }>(
    `SELECT r.listing_year AS year, count(*)::int AS n FROM audit_rounds r WHERE ${PUBLISHED} GROUP BY 1 ORDER BY 1 DESC`,
  );
  const results = await db.query<{ year: number; n: number }>(
    `SELECT extract(year FROM b.published_on)::int AS year, count(*)::int AS n
       FROM audit_rounds r JOIN result_batches b ON b.id = r.result_batch_id
      WHERE ${RESULT_PUBLISHED} GROUP BY 1 ORDER BY 1 DESC`,
  );
  return { lists: lists.rows, results: results.rows };
}
