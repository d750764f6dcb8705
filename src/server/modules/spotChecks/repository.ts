import type { Checker, DistrictTally, SpotCheckItem, SpotCheckListQuery, SpotCheckSummary } from '../../../shared/contracts/spotChecks';
import type { DataScope } from '../../../shared/domain/roles';
import type { PopulationRound, SampledRound, SpotCheckCategory, SpotCheckStatus } from '../../../shared/domain/spotChecks';
import type { Queryable } from '../../db/types';
import { pageClause, Params } from '../../platform/sql';
import { TS } from '../rounds/repository';

/** Spot checks a scope may see: the city its own; a district the drawn/published ones holding items of its district. */
export function spotCheckScope(scope: DataScope, p: Params): string {
  switch (scope.kind) {
    case 'city':
      return `s.city_code = ${p.add(scope.cityCode)}`;
    case 'district':
      return `(s.city_code = ${p.add(scope.cityCode)} AND s.status <> 'draft' AND EXISTS (
                SELECT 1 FROM spot_check_items si WHERE si.spot_check_id = s.id AND si.district_code = ${p.add(scope.districtCode)}))`;
    case 'enterprise':
    case 'agency':
    case 'expert':
      return 'false';
  }
}

/** Items a scope may see: a district only those of its district. */
function itemScope(scope: DataScope, p: Params): string {
  return scope.kind === 'district' ? `i.district_code = ${p.add(scope.districtCode)}` : 'true';
}

/** The rounds of a city whose acceptance was decided (history row into 'accepted', China time) in `year`. */
export async function population(db: Queryable, cityCode: string, year: number): Promise<(PopulationRound & { districtName: string })[]> {
  const { rows } = await db.query<PopulationRound & { districtName: string }>(
    `SELECT r.id AS "roundId", r.district_code AS "districtCode", d.name AS "districtName"
       FROM audit_rounds r JOIN regions d ON d.code = r.district_code
      WHERE r.city_code = $1 AND r.state IN ('accepted', 'closed')
        AND EXISTS (SELECT 1 FROM round_history h
                     WHERE h.round_id = r.id AND h.city_code = $1 AND h.to_state = 'accepted'
                       AND h.occurred_at >= make_timestamptz($2::int, 1, 1, 0, 0, 0, 'Asia/Shanghai')
                       AND h.occurred_at < make_timestamptz($2::int + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai'))
      ORDER BY r.district_code, r.id`,
    [cityCode, year],
  );
  return rows;
}

export interface SpotCheckRow {
  id: string;
  cityCode: string;
  year: number;
  title: string;
  status: SpotCheckStatus;
  sampleRatio: number | null;
  sampleCount: number | null;
  stratified: boolean;
  seedHash: string;
  seed: string;
  candidates: Record<string, string[]>;
  allocation: Record<string, number> | null;
  noticeNo: string | null;
  summary: string | null;
  drawnAt: string | null;
  publishedAt: string | null;
  createdAt: string;
}

const ROW = `SELECT s.id, s.city_code AS "cityCode", s.year, s.title, s.status, s.sample_ratio::float8 AS "sampleRatio",
  s.sample_count AS "sampleCount", s.stratified, s.seed_hash AS "seedHash", s.seed, s.candidates, s.allocation,
  s.notice_no AS "noticeNo", s.summary, ${TS('s.drawn_at')} AS "drawnAt", ${TS('s.published_at')} AS "publishedAt",
  ${TS('s.created_at')} AS "createdAt"
  FROM spot_checks s`;

export async function findSpotCheck(db: Queryable, scope: DataScope, id: string, lock = false): Promise<SpotCheckRow | undefined> {
  const p = new Params();
  const { rows } = await db.query<SpotCheckRow>(
    `${ROW} WHERE s.id = ${p.add(id)} AND ${spotCheckScope(scope, p)} ${lock ? 'FOR UPDATE OF s' : ''}`,
    p.values,
  );
  return rows[0];
}

/** Candidate count of a stored candidates object, in SQL. */
const POPULATION_SIZE = `(SELECT COALESCE(sum(jsonb_array_length(c.value)), 0)::int FROM jsonb_each(s.candidates) c)`;

export async function listSpotChecks(db: Queryable, scope: DataScope, q: SpotCheckListQuery): Promise<{ items: SpotCheckSummary[]; total: number }> {
  const filter = (p: Params) => {
    const where = [spotCheckScope(scope, p)];
    if (q.year !== undefined) where.push(`s.year = ${p.add(q.year)}`);
    if (q.status) where.push(`s.status = ${p.add(q.status)}`);
    return `WHERE ${where.join(' AND ')}`;
  };
  // The counts use the item scope too, so the page and the total are built with their own parameters.
  const p = new Params();
  const where = filter(p);
  const items = `spot_check_items i WHERE i.spot_check_id = s.id AND ${itemScope(scope, p)}`;
  const c = new Params();
  const [page, count] = await Promise.all([
    db.query<SpotCheckSummary>(
      `SELECT s.id, s.year, s.title, s.status, s.sample_ratio::float8 AS "sampleRatio", s.sample_count AS "sampleCount",
              s.stratified, ${POPULATION_SIZE} AS "populationSize",
              (SELECT count(*)::int FROM ${items}) AS "itemCount",
              (SELECT count(*)::int FROM ${items} AND i.result = 'pending') AS "pendingCount",
              (SELECT count(*)::int FROM ${items} AND i.result = 'problems') AS "problemCount",
              s.notice_no AS "noticeNo", ${TS('s.published_at')} AS "publishedAt", ${TS('s.created_at')} AS "createdAt"
         FROM spot_checks s ${where} ORDER BY s.year DESC, s.created_at DESC, s.id ${pageClause(p, q.page, q.pageSize)}`,
      p.values,
    ),
    db.query<{ total: number }>(`SELECT count(*)::int AS total FROM spot_checks s ${filter(c)}`, c.values),
  ]);
  return { items: page.rows, total: count.rows[0]?.total ?? 0 };
}

export async function insertSpotCheck(
  db: Queryable,
  v: {
    cityCode: string;
    year: number;
    title: string;
    sampleRatio: number | null;
    sampleCount: number | null;
    stratified: boolean;
    seed: string;
    seedHash: string;
    candidates: Record<string, string[]>;
    createdBy: string;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO spot_checks (city_code, year, title, sample_ratio, sample_count, stratified, seed, seed_hash, candidates, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10) RETURNING id`,
    [v.cityCode, v.year, v.title, v.sampleRatio, v.sampleCount, v.stratified, v.seed, v.seedHash, JSON.stringify(v.candidates), v.createdBy],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('spot check not created');
  return id;
}

/** Records the draw: allocation, status, and one item per sampled round (set-based). */
export async function recordDraw(
  db: Queryable,
  id: string,
  allocation: Record<string, number>,
  sampled: readonly SampledRound[],
  userId: string,
): Promise<void> {
  await db.query(
    `UPDATE spot_checks SET status = 'drawn', allocation = $2::jsonb, drawn_at = now(), drawn_by = $3, updated_at = now()
      WHERE id = $1 AND status = 'draft'`,
    [id, JSON.stringify(allocation), userId],
  );
  await db.query(
    `INSERT INTO spot_check_items (spot_check_id, round_id, draw_order, city_code, district_code)
     SELECT $1, r.id, x.draw_order, r.city_code, r.district_code
       FROM json_to_recordset($2::json) AS x(round_id uuid, draw_order int) JOIN audit_rounds r ON r.id = x.round_id`,
    [id, JSON.stringify(sampled.map((s) => ({ round_id: s.roundId, draw_order: s.drawOrder })))],
  );
}

/** The recorded sample (round, stratum from the record's candidates, draw order). */
export async function sampledRounds(db: Queryable, id: string): Promise<{ roundId: string; drawOrder: number }[]> {
  const { rows } = await db.query<{ roundId: string; drawOrder: number }>(
    `SELECT round_id AS "roundId", draw_order AS "drawOrder" FROM spot_check_items WHERE spot_check_id = $1 ORDER BY draw_order`,
    [id],
  );
  return rows;
}

export async function items(db: Queryable, scope: DataScope, id: string): Promise<Omit<SpotCheckItem, 'abilities'>[]> {
  const p = new Params();
  const { rows } = await db.query<Omit<SpotCheckItem, 'abilities'>>(
    `SELECT i.id, i.round_id AS "roundId", i.draw_order AS "drawOrder", e.name AS "enterpriseName", e.credit_code AS "creditCode",
            i.district_code AS "districtCode", d.name AS "districtName", r.listing_year AS "listingYear",
            (SELECT o.name FROM round_engagements g JOIN organizations o ON o.id = g.agency_id
              WHERE g.round_id = r.id ORDER BY g.ended_at DESC NULLS FIRST, g.engaged_at DESC LIMIT 1) AS "agencyName",
            COALESCE((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name, 'orgName', o.name)
                                      ORDER BY array_position(i.checker_user_ids, u.id))
                        FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ANY(i.checker_user_ids)), '[]'::json) AS checkers,
            i.checker_names AS "checkerNames", i.result, i.categories, i.description,
            to_char(i.checked_on, 'YYYY-MM-DD') AS "checkedOn", ru.display_name AS "recordedByName", ${TS('i.recorded_at')} AS "recordedAt",
            i.enforcement_case_id AS "enforcementCaseId"
       FROM spot_check_items i
       JOIN audit_rounds r ON r.id = i.round_id
       JOIN enterprises e ON e.id = r.enterprise_id
       JOIN regions d ON d.code = i.district_code
       LEFT JOIN users ru ON ru.id = i.recorded_by
      WHERE i.spot_check_id = ${p.add(id)} AND ${itemScope(scope, p)}
      ORDER BY i.draw_order`,
    p.values,
  );
  return rows;
}

export interface ItemRow {
  id: string;
  spotCheckId: string;
  roundId: string;
  districtCode: string;
  result: string;
  categories: SpotCheckCategory[];
  description: string | null;
  checkedOn: string | null;
  checkerUserIds: string[];
  checkerNames: string[];
  enforcementCaseId: string | null;
  enterpriseId: string;
}

export async function findItem(db: Queryable, scope: DataScope, spotCheckId: string, itemId: string, lock = false): Promise<ItemRow | undefined> {
  const p = new Params();
  const { rows } = await db.query<ItemRow>(
    `SELECT i.id, i.spot_check_id AS "spotCheckId", i.round_id AS "roundId", i.district_code AS "districtCode", i.result,
            i.categories, i.description, to_char(i.checked_on, 'YYYY-MM-DD') AS "checkedOn",
            i.checker_user_ids AS "checkerUserIds", i.checker_names AS "checkerNames",
            i.enforcement_case_id AS "enforcementCaseId", r.enterprise_id AS "enterpriseId"
       FROM spot_check_items i JOIN audit_rounds r ON r.id = i.round_id WHERE i.id = ${p.add(itemId)} AND i.spot_check_id = ${p.add(spotCheckId)} AND ${itemScope(scope, p)}
       ${lock ? 'FOR UPDATE OF i' : ''}`,
    p.values,
  );
  return rows[0];
}

export async function linkCase(db: Queryable, itemId: string, caseId: string): Promise<void> {
  await db.query('UPDATE spot_check_items SET enforcement_case_id = $2 WHERE id = $1', [itemId, caseId]);
}

export async function saveCheckers(db: Queryable, itemId: string, userIds: readonly string[], names: readonly string[]): Promise<void> {
  await db.query('UPDATE spot_check_items SET checker_user_ids = $2::uuid[], checker_names = $3::text[] WHERE id = $1', [
    itemId,
    [...userIds],
    [...names],
  ]);
}

export async function saveFinding(
  db: Queryable,
  itemId: string,
  f: { result: string; categories: readonly string[]; description: string | null; checkedOn: string },
  userId: string,
): Promise<void> {
  await db.query(
    `UPDATE spot_check_items SET result = $2, categories = $3::text[], description = $4, checked_on = $5::date,
            recorded_by = $6, recorded_at = now() WHERE id = $1`,
    [itemId, f.result, [...f.categories], f.description, f.checkedOn, userId],
  );
}

/**
 * Bureau users who may be named checkers of an item: active city staff of the city, and the staff of the
 * district's bureau (all districts of the city when `districtCode` is null). Restricted to `ids` when given.
 */
export async function checkerCandidates(
  db: Queryable,
  cityCode: string,
  districtCode: string | null,
  ids?: readonly string[],
): Promise<Checker[]> {
  const p = new Params();
  const where = [
    `u.role IN ('city_admin', 'city_staff', 'district_staff')`,
    'u.disabled_at IS NULL',
    `o.city_code = ${p.add(cityCode)}`,
  ];
  if (districtCode) where.push(`(o.kind = 'city_bureau' OR o.district_code = ${p.add(districtCode)})`);
  if (ids) where.push(`u.id = ANY(${p.add([...ids])}::uuid[])`);
  const { rows } = await db.query<Checker>(
    `SELECT u.id, u.display_name AS "displayName", o.name AS "orgName" FROM users u JOIN organizations o ON o.id = u.org_id
      WHERE ${where.join(' AND ')} ORDER BY o.kind, o.name, u.display_name LIMIT 500`,
    p.values,
  );
  return rows;
}

/** Per district: population (from the recorded candidates), sampled and findings, in the caller's item scope. */
export async function districtTallies(db: Queryable, scope: DataScope, id: string): Promise<DistrictTally[]> {
  const p = new Params();
  const sid = p.add(id);
  const districtFilter = scope.kind === 'district' ? `WHERE x.district_code = ${p.add(scope.districtCode)}` : '';
  const { rows } = await db.query<DistrictTally>(
    `WITH pop AS (
       SELECT r.district_code, count(*)::int AS n
         FROM spot_checks s, jsonb_each(s.candidates) c, jsonb_array_elements_text(c.value) AS cid(v)
         JOIN audit_rounds r ON r.id = cid.v::uuid
        WHERE s.id = ${sid} GROUP BY r.district_code),
     found AS (
       SELECT district_code, count(*)::int AS sampled,
              count(*) FILTER (WHERE result = 'conforming')::int AS conforming,
              count(*) FILTER (WHERE result = 'problems')::int AS problems,
              count(*) FILTER (WHERE result = 'pending')::int AS pending
         FROM spot_check_items WHERE spot_check_id = ${sid} GROUP BY district_code),
     x AS (SELECT COALESCE(pop.district_code, found.district_code) AS district_code, COALESCE(pop.n, 0) AS population,
                  COALESCE(found.sampled, 0) AS sampled, COALESCE(found.conforming, 0) AS conforming,
                  COALESCE(found.problems, 0) AS problems, COALESCE(found.pending, 0) AS pending
             FROM pop FULL JOIN found ON found.district_code = pop.district_code)
     SELECT x.district_code AS "districtCode", d.name AS "districtName", x.population, x.sampled, x.conforming, x.problems, x.pending
       FROM x JOIN regions d ON d.code = x.district_code ${districtFilter}
      ORDER BY d.sort, d.code`,
    p.values,
  );
  return rows;
}

/** Problem items per category, in the caller's item scope. */
export async function categoryCounts(db: Queryable, scope: DataScope, id: string): Promise<Record<string, number>> {
  const p = new Params();
  const { rows } = await db.query<{ category: string; n: number }>(
    `SELECT c AS category, count(*)::int AS n FROM spot_check_items i, unnest(i.categories) AS c
      WHERE i.spot_check_id = ${p.add(id)} AND i.result = 'problems' AND ${itemScope(scope, p)} GROUP BY c`,
    p.values,
  );
  return Object.fromEntries(rows.map((r) => [r.category, r.n]));
}

export async function pendingItems(db: Queryable, id: string): Promise<{ enterpriseName: string }[]> {
  const { rows } = await db.query<{ enterpriseName: string }>(
    `SELECT e.name AS "enterpriseName" FROM spot_check_items i JOIN audit_rounds r ON r.id = i.round_id
       JOIN enterprises e ON e.id = r.enterprise_id WHERE i.spot_check_id = $1 AND i.result = 'pending' ORDER BY i.draw_order`,
    [id],
  );
  return rows;
}

export async function publish(db: Queryable, id: string, noticeNo: string, summary: string | null, userId: string): Promise<void> {
  await db.query(
    `UPDATE spot_checks SET status = 'published', notice_no = $2, summary = $3, published_at = now(), published_by = $4, updated_at = now()
      WHERE id = $1 AND status = 'drawn'`,
    [id, noticeNo, summary, userId],
  );
}
