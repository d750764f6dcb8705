import type { PublicSpotCheckDetail, PublicSpotCheckPage } from '../../../shared/contracts/spotChecks';
import { SPOT_CHECK_CATEGORIES, type SpotCheckCategory } from '../../../shared/domain/spotChecks';
import type { Queryable } from '../../db/types';
import { Params, queryPage } from '../../platform/sql';
import { TS } from '../rounds/repository';
import { districtTallies } from './repository';

/** Published spot checks only: what the public portal and the notice (通报) show. Never checkers or user names. */
const COUNTS = `(SELECT count(*)::int FROM spot_check_items i WHERE i.spot_check_id = s.id) AS sampled,
  (SELECT count(*)::int FROM spot_check_items i WHERE i.spot_check_id = s.id AND i.result = 'conforming') AS conforming,
  (SELECT count(*)::int FROM spot_check_items i WHERE i.spot_check_id = s.id AND i.result = 'problems') AS problems`;

export async function listPublished(db: Queryable, page: number, pageSize: number): Promise<PublicSpotCheckPage> {
  const p = new Params();
  return queryPage(
    db,
    p,
    page,
    pageSize,
    `SELECT s.id, s.year, s.title, s.notice_no AS "noticeNo", ${TS('s.published_at')} AS "publishedAt", ${COUNTS}
       FROM spot_checks s WHERE s.status = 'published' ORDER BY s.published_at DESC, s.id`,
    `SELECT count(*)::int AS total FROM spot_checks s WHERE s.status = 'published'`,
  );
}

/** A published spot check with its tallies and problem rounds, and the city bureau that issues the notice. */
export async function publishedDetail(db: Queryable, id: string): Promise<(PublicSpotCheckDetail & { bureauName: string }) | undefined> {
  const { rows } = await db.query<Omit<PublicSpotCheckDetail, 'districts' | 'categoryCounts' | 'problemRounds'> & { cityCode: string; bureauName: string }>(
    `SELECT s.id, s.year, s.title, s.notice_no AS "noticeNo", ${TS('s.published_at')} AS "publishedAt", s.summary, ${COUNTS},
            s.city_code AS "cityCode",
            COALESCE((SELECT o.name FROM organizations o WHERE o.kind = 'city_bureau' AND o.city_code = s.city_code ORDER BY o.created_at LIMIT 1), '') AS "bureauName"
       FROM spot_checks s WHERE s.id = $1 AND s.status = 'published'`,
    [id],
  );
  const head = rows[0];
  if (!head) return undefined;
  const scope = { kind: 'city' as const, cityCode: head.cityCode };
  const [tallies, categories, problems] = await Promise.all([
    districtTallies(db, scope, id),
    db.query<{ category: SpotCheckCategory; n: number }>(
      `SELECT c AS category, count(*)::int AS n FROM spot_check_items i, unnest(i.categories) AS c
        WHERE i.spot_check_id = $1 AND i.result = 'problems' GROUP BY c`,
      [id],
    ),
    db.query<PublicSpotCheckDetail['problemRounds'][number]>(
      `SELECT e.name AS "enterpriseName", d.name AS "districtName", r.listing_year AS "listingYear", i.categories, i.description
         FROM spot_check_items i JOIN audit_rounds r ON r.id = i.round_id JOIN enterprises e ON e.id = r.enterprise_id
         JOIN regions d ON d.code = i.district_code
        WHERE i.spot_check_id = $1 AND i.result = 'problems' ORDER BY d.sort, d.code, i.draw_order`,
      [id],
    ),
  ]);
  const found = Object.fromEntries(categories.rows.map((r) => [r.category, r.n]));
  const { cityCode: _c, ...rest } = head;
  return {
    ...rest,
    districts: tallies.map(({ pending: _p, ...t }) => t),
    categoryCounts: Object.fromEntries(SPOT_CHECK_CATEGORIES.map((c) => [c, found[c] ?? 0])) as Record<SpotCheckCategory, number>,
    problemRounds: problems.rows,
  };
}
