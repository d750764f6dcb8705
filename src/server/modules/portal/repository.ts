import type {
  PublicBatch,
  PublicFilters,
  PublicListItem,
  PublicListQuery,
  PublicResultItem,
  PublicResultQuery,
} from '../../../shared/contracts/portal';
import type { ListingReason } from '../../../shared/domain/listingReasons';
import type { Queryable } from '../../db/types';
import { likeEscape, Params, queryPage } from '../../platform/sql';

const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const TS = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The one condition of everything public: a round of a published annual list, never a plan entry.
 * Every portal query starts from it; nothing else about a round is public unless it is published too.
 */
export const PUBLISHED = `r.list_published_on IS NOT NULL AND r.state NOT IN ('plan_proposed', 'plan_approved', 'plan_rejected')`;

const FROM = `FROM audit_rounds r
  JOIN enterprises e ON e.id = r.enterprise_id
  JOIN regions d ON d.code = r.district_code`;

/**
 * The round's latest 技术审查意见 (evaluation opinion, table review_opinions), joined as `ro`; shown only
 * once the round passed evaluation.
 */
export const REVIEW_OPINION_JOIN = `LEFT JOIN LATERAL (
    SELECT o.opinion_no, o.issued_on FROM review_opinions o
     WHERE o.round_id = r.id AND o.kind = 'evaluation' AND r.evaluation_passed_on IS NOT NULL
     ORDER BY o.issued_on DESC, o.created_at DESC LIMIT 1) ro ON TRUE`;

function commonFilters(q: PublicListQuery, p: Params): string[] {
  const where = [PUBLISHED];
  if (q.year !== undefined) where.push(`r.listing_year = ${p.add(q.year)}`);
  if (q.districtCode) where.push(`r.district_code = ${p.add(q.districtCode)}`);
  if (q.keyword) {
    // Both conditions can use the trigram indexes on enterprises (name, credit_code).
    const kw = likeEscape(q.keyword);
    where.push(`(e.name ILIKE ${p.add(`%${kw}%`)} OR e.credit_code ILIKE ${p.add(`${kw.toUpperCase()}%`)})`);
  }
  return where;
}

export async function listPublished(db: Queryable, q: PublicListQuery): Promise<{ items: PublicListItem[]; total: number }> {
  const p = new Params();
  const filter = `WHERE ${commonFilters(q, p).join(' AND ')}`;
  return queryPage<PublicListItem>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT r.id AS "roundId", r.listing_year AS "listingYear", ${DAY('r.list_published_on')} AS "listPublishedOn",
            r.district_code AS "districtCode", d.name AS "districtName", d.name_en AS "districtNameEn",
            e.name AS "enterpriseName", e.credit_code AS "creditCode", e.industry_code AS "industryCode",
            i.name AS "industryName", i.name_en AS "industryNameEn", r.reasons, r.reason_details AS "reasonDetails"
       ${FROM} JOIN industries i ON i.code = e.industry_code
       ${filter}
      ORDER BY r.listing_year DESC, d.sort, r.district_code, e.name, r.id`,
    `SELECT count(*)::int AS total ${FROM} ${filter}`,
  );
}

export async function listResults(db: Queryable, q: PublicResultQuery): Promise<{ items: PublicResultItem[]; total: number }> {
  const p = new Params();
  const where = commonFilters(q, p);
  where.push(`r.state = 'closed'`);
  if (q.batchId) where.push(`r.result_batch_id = ${p.add(q.batchId)}`);
  const filter = `WHERE ${where.join(' AND ')}`;
  const batchJoin = 'JOIN result_batches b ON b.id = r.result_batch_id';
  return queryPage<PublicResultItem>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT r.id AS "roundId", r.listing_year AS "listingYear",
            r.district_code AS "districtCode", d.name AS "districtName", d.name_en AS "districtNameEn",
            e.name AS "enterpriseName", e.credit_code AS "creditCode",
            ${DAY('r.evaluation_passed_on')} AS "evaluationPassedOn", ro.opinion_no AS "reviewOpinionNo",
            b.id AS "batchId", b.title AS "batchTitle", ${DAY('b.published_on')} AS "batchPublishedOn"
       ${FROM} ${batchJoin} ${REVIEW_OPINION_JOIN}
       ${filter}
      ORDER BY b.published_on DESC, b.id, d.sort, r.district_code, e.name, r.id`,
    `SELECT count(*)::int AS total ${FROM} ${batchJoin} ${filter}`,
  );
}

export async function listBatches(
  db: Queryable,
  q: { page: number; pageSize: number; year?: number },
): Promise<{ items: PublicBatch[]; total: number }> {
  const p = new Params();
  const where = [`EXISTS (SELECT 1 FROM audit_rounds r WHERE r.result_batch_id = b.id AND ${PUBLISHED})`];
  if (q.year !== undefined) {
    const y = p.add(q.year);
    where.push(`b.published_on >= make_date(${y}::int, 1, 1) AND b.published_on < make_date(${y}::int + 1, 1, 1)`);
  }
  const filter = `WHERE ${where.join(' AND ')}`;
  return queryPage<PublicBatch>(
    db,
    p,
    q.page,
    q.pageSize,
    `SELECT b.id, b.title, ${DAY('b.published_on')} AS "publishedOn",
            (SELECT count(*)::int FROM audit_rounds r WHERE r.result_batch_id = b.id AND ${PUBLISHED}) AS "roundCount"
       FROM result_batches b ${filter}
      ORDER BY b.published_on DESC, b.created_at DESC, b.id DESC`,
    `SELECT count(*)::int AS total FROM result_batches b ${filter}`,
  );
}

export async function filters(db: Queryable): Promise<PublicFilters> {
  const years = await db.query<{ year: number }>(
    `SELECT DISTINCT r.listing_year AS year FROM audit_rounds r WHERE ${PUBLISHED} ORDER BY 1 DESC`,
  );
  const districts = await db.query<PublicFilters['districts'][number]>(
    `SELECT d.code, d.name, d.name_en AS "nameEn" FROM regions d
      WHERE EXISTS (SELECT 1 FROM audit_rounds r WHERE r.district_code = d.code AND ${PUBLISHED})
      ORDER BY d.sort, d.code`,
  );
  return { years: years.rows.map((r) => r.year), districts: districts.rows };
}

export interface PublicRoundRow {
  id: string;
  listingYear: number;
  listPublishedOn: string;
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  enterpriseName: string;
  creditCode: string;
  industryName: string;
  industryNameEn: string;
  reasons: ListingReason[];
  reasonDetails: string | null;
  disclosureItems: Record<string, unknown> | null;
  platformName: string | null;
  platformUrl: string | null;
  disclosurePublishedAt: string | null;
  evaluationPassedOn: string | null;
  reviewOpinionNo: string | null;
  reviewOpinionIssuedOn: string | null;
  batchId: string | null;
  batchTitle: string | null;
  batchPublishedOn: string | null;
}

/** One published round with its public facts: a published disclosure, the evaluation, a published result. */
export async function findPublishedRound(db: Queryable, id: string): Promise<PublicRoundRow | undefined> {
  const { rows } = await db.query<PublicRoundRow>(
    `SELECT r.id, r.listing_year AS "listingYear", ${DAY('r.list_published_on')} AS "listPublishedOn",
            r.district_code AS "districtCode", d.name AS "districtName", d.name_en AS "districtNameEn",
            e.name AS "enterpriseName", e.credit_code AS "creditCode", i.name AS "industryName", i.name_en AS "industryNameEn",
            r.reasons, r.reason_details AS "reasonDetails",
            dsc.items AS "disclosureItems", dsc.platform_name AS "platformName", dsc.platform_url AS "platformUrl",
            ${TS('dsc.published_at')} AS "disclosurePublishedAt",
            ${DAY('r.evaluation_passed_on')} AS "evaluationPassedOn",
            ro.opinion_no AS "reviewOpinionNo", ${DAY('ro.issued_on')} AS "reviewOpinionIssuedOn",
            b.id AS "batchId", b.title AS "batchTitle", ${DAY('b.published_on')} AS "batchPublishedOn"
       ${FROM} JOIN industries i ON i.code = e.industry_code
       LEFT JOIN disclosures dsc ON dsc.round_id = r.id AND dsc.published_at IS NOT NULL
       LEFT JOIN result_batches b ON b.id = r.result_batch_id AND r.state = 'closed'
       ${REVIEW_OPINION_JOIN}
      WHERE r.id = $1 AND ${PUBLISHED}`,
    [id],
  );
  return rows[0];
}
