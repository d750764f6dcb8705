import { SUMMARY_COLUMNS, type SummaryColumn, type SummaryValues } from '../../../shared/domain/summaryColumns';
import type { Queryable, SqlParam } from '../../db/types';
import { pageClause, Params } from '../../platform/sql';

/**
 * The 附件3 computation. Every column is defined once, as a "measure" over one fact row per round (count columns) or
 * per option (option and benefit columns): a nullable figure, NULL when the row does not count for the column, else
 * its contribution (1 for a count). The aggregation sums the measures per district (GROUP BY ROLLUP for the city
 * total); the drill-down lists the rows whose measure is not NULL — the same predicates, written once, here.
 * Definitions in words: shared/domain/summaryColumns.ts.
 */

/** States that never count: not yet on a published list, or withdrawn (关停/注销). */
const EXCLUDED_STATES = `('plan_proposed', 'plan_approved', 'plan_rejected', 'withdrawn')`;

const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 END`;

/** Count columns, over `rf` (the round facts). */
const ROUND_MEASURES: Readonly<Record<string, string>> = {
  listed: flag('rnd.listing_year = y.year'),
  started: flag('ev.started'),
  reportSubmitted: flag('ev.report_submitted'),
  evaluated: flag('ev.evaluated'),
  accepted: flag('ev.accepted'),
  unfinished: flag(`rnd.listing_year <= y.year AND rnd.state <> 'rolled_over' AND NOT COALESCE(ev.accepted_by_end, false)`),
  voluntary: flag('rnd.listing_year = y.year AND rnd.voluntary'),
};

const EFFECTIVE = `(o.status = 'implemented' AND o.actual_effective_on BETWEEN y.first_day AND y.last_day)`;
const PROPOSED = `(rnd.listing_year = y.year AND o.status <> 'dropped')`;

function optionMeasure(c: SummaryColumn): string {
  switch (c.key) {
    case 'lowCostProposed':
      return flag(`${PROPOSED} AND o.category = 'low_cost'`);
    case 'highCostProposed':
      return flag(`${PROPOSED} AND o.category = 'high_cost'`);
    case 'lowCostImplemented':
      return flag(`${EFFECTIVE} AND o.category = 'low_cost'`);
    case 'highCostImplemented':
      return flag(`${EFFECTIVE} AND o.category = 'high_cost'`);
    case 'investment':
      return `CASE WHEN ${EFFECTIVE} THEN COALESCE(o.investment, 0) END`;
    default:
      if (!c.indicator) throw new Error(`summary column ${c.key} has no measure`);
      // Actual figures only: a predicted-only benefit is not an achievement.
      return `CASE WHEN ${EFFECTIVE} THEN b."${c.indicator}" END`;
  }
}

const ROUND_COLUMNS = SUMMARY_COLUMNS.filter((c) => c.source === 'round');
const OPTION_COLUMNS = SUMMARY_COLUMNS.filter((c) => c.source === 'option');
const INDICATORS = [...new Set(OPTION_COLUMNS.flatMap((c) => (c.indicator ? [c.indicator] : [])))];

/** The measure SQL of every column, by key (exported for the catalogue test). */
export const SUMMARY_MEASURES: Readonly<Record<string, string>> = Object.fromEntries(
  SUMMARY_COLUMNS.map((c) => {
    const measure = c.source === 'round' ? ROUND_MEASURES[c.key] : optionMeasure(c);
    if (!measure) throw new Error(`summary column ${c.key} has no measure`);
    return [c.key, measure];
  }),
);

const q = (key: string) => `"${key}"`;

/** China time: the year runs from Y-01-01 00:00 +08:00 to Y+1-01-01 00:00 +08:00. */
function yearBounds(year: number) {
  return {
    start: `${year}-01-01T00:00:00+08:00`,
    end: `${year + 1}-01-01T00:00:00+08:00`,
    firstDay: `${year}-01-01`,
    lastDay: `${year}-12-31`,
  };
}

/**
 * The fact CTEs (`rf`: one row per round, `of`: one row per option), each with one measure column per summary
 * column of its source, for the city (and district, when given) and year. Appends its parameters to `p`.
 */
function factsCte(p: Params, cityCode: string, year: number, districtCode: string | null): string {
  const b = yearBounds(year);
  const city = p.add(cityCode);
  const district = districtCode ? p.add(districtCode) : null;
  const inDistrict = (alias: string) => (district ? ` AND ${alias}.district_code = ${district}` : '');
  const indicatorCols = INDICATORS.map((i) => `max(ob.actual) FILTER (WHERE ob.indicator = '${i}') AS "${i}"`).join(',\n           ');
  return `WITH y AS (
    SELECT ${p.add(year)}::int AS year, ${p.add(b.start)}::timestamptz AS starts, ${p.add(b.end)}::timestamptz AS ends,
           ${p.add(b.firstDay)}::date AS first_day, ${p.add(b.lastDay)}::date AS last_day
  ),
  rnd AS (
    SELECT r.id, r.district_code, r.listing_year, r.voluntary, r.state
      FROM audit_rounds r, y
     WHERE r.city_code = ${city}${inDistrict('r')} AND r.listing_year <= y.year AND r.state NOT IN ${EXCLUDED_STATES}
  ),
  ev AS (
    SELECT h.round_id,
           bool_or(h.to_state = 'audit_started' AND h.occurred_at >= y.starts) AS started,
           bool_or(h.to_state = 'report_submitted' AND h.occurred_at >= y.starts) AS report_submitted,
           bool_or(h.to_state = 'evaluated' AND h.occurred_at >= y.starts) AS evaluated,
           bool_or(h.to_state = 'accepted' AND h.occurred_at >= y.starts) AS accepted,
           bool_or(h.to_state = 'accepted') AS accepted_by_end
      FROM round_history h, y
     WHERE h.city_code = ${city}${inDistrict('h')}
       AND h.to_state IN ('audit_started', 'report_submitted', 'evaluated', 'accepted') AND h.occurred_at < y.ends
     GROUP BY h.round_id
  ),
  rf AS (
    SELECT rnd.id AS round_id, NULL::uuid AS option_id, rnd.district_code,
           ${ROUND_COLUMNS.map((c) => `${SUMMARY_MEASURES[c.key]} AS ${q(c.key)}`).join(',\n           ')}
      FROM rnd CROSS JOIN y LEFT JOIN ev ON ev.round_id = rnd.id
  ),
  opt AS (
    SELECT o.*
      FROM round_options o JOIN rnd ON rnd.id = o.round_id, y
     WHERE o.city_code = ${city}${inDistrict('o')}
       AND (rnd.listing_year = y.year OR ${EFFECTIVE})
  ),
  ben AS (
    SELECT ob.option_id,
           ${indicatorCols}
      FROM round_option_benefits ob JOIN opt o ON o.id = ob.option_id, y
     WHERE ${EFFECTIVE} AND ob.actual IS NOT NULL
     GROUP BY ob.option_id
  ),
  "of" AS (
    SELECT o.round_id, o.id AS option_id, o.district_code,
           ${OPTION_COLUMNS.map((c) => `${SUMMARY_MEASURES[c.key]} AS ${q(c.key)}`).join(',\n           ')}
      FROM opt o JOIN rnd ON rnd.id = o.round_id CROSS JOIN y LEFT JOIN ben b ON b.option_id = o.id
  )`;
}

export interface SummarySql {
  text: string;
  values: SqlParam[];
}

/**
 * The one statement of the 附件3 table: one row per district of the city (every district, zeros included, in the
 * regions' order), then the city total (district_code NULL) unless a district is given. Columns: "districtCode",
 * "districtName", "districtNameEn", then one float8 per summary column key.
 */
export function buildSummarySql(cityCode: string, year: number, districtCode: string | null = null): SummarySql {
  const p = new Params();
  const facts = factsCte(p, cityCode, year, districtCode);
  const sum = (key: string) => `COALESCE(sum(${q(key)}), 0)::float8 AS ${q(key)}`;
  const city = p.add(cityCode);
  const districts = districtCode
    ? `SELECT d.code, d.name, d.name_en, d.sort FROM regions d WHERE d.parent_code = ${city} AND d.code = ${p.add(districtCode)}`
    : `SELECT d.code, d.name, d.name_en, d.sort FROM regions d WHERE d.parent_code = ${city}
       UNION ALL SELECT NULL, c.name, c.name_en, 2147483647 FROM regions c WHERE c.code = ${city}`;
  const text = `${facts},
  ra AS (SELECT district_code, ${ROUND_COLUMNS.map((c) => sum(c.key)).join(', ')} FROM rf GROUP BY ROLLUP (district_code)),
  oa AS (SELECT district_code, ${OPTION_COLUMNS.map((c) => sum(c.key)).join(', ')} FROM "of" GROUP BY ROLLUP (district_code))
  SELECT d.code AS "districtCode", d.name AS "districtName", d.name_en AS "districtNameEn",
         ${ROUND_COLUMNS.map((c) => `COALESCE(ra.${q(c.key)}, 0) AS ${q(c.key)}`).join(', ')},
         ${OPTION_COLUMNS.map((c) => `COALESCE(oa.${q(c.key)}, 0) AS ${q(c.key)}`).join(', ')}
    FROM (${districts}) d
    LEFT JOIN ra ON ra.district_code IS NOT DISTINCT FROM d.code
    LEFT JOIN oa ON oa.district_code IS NOT DISTINCT FROM d.code
   ORDER BY d.sort, d.code`;
  return { text, values: p.values };
}

export interface SummaryRow {
  /** null for the city total. */
  districtCode: string | null;
  districtName: string;
  districtNameEn: string;
  values: SummaryValues;
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The 附件3 rows of a city and year (one per district, then the total), or of one district (no total). */
export async function computeSummary(
  db: Queryable,
  cityCode: string,
  year: number,
  districtCode?: string | null,
): Promise<SummaryRow[]> {
  const sql = buildSummarySql(cityCode, year, districtCode ?? null);
  const { rows } = await db.query<Record<string, string | number | null>>(sql.text, sql.values);
  return rows.map((r) => ({
    districtCode: (r.districtCode as string | null) ?? null,
    districtName: String(r.districtName),
    districtNameEn: String(r.districtNameEn),
    values: Object.fromEntries(SUMMARY_COLUMNS.map((c) => [c.key, round4(Number(r[c.key] ?? 0))])),
  }));
}

export interface DrillRow {
  roundId: string;
  enterpriseId: string;
  enterpriseName: string;
  districtCode: string;
  districtName: string;
  districtNameEn: string;
  listingYear: number;
  state: string;
  optionId: string | null;
  optionSeq: number | null;
  optionName: string | null;
  optionCategory: string | null;
  actualEffectiveOn: string | null;
  value: number;
}

/** The rounds (count columns) or options (the others) behind one figure, paged, with their count and sum. */
export async function drillSummary(
  db: Queryable,
  cityCode: string,
  year: number,
  districtCode: string | null,
  column: SummaryColumn,
  page: number,
  pageSize: number,
): Promise<{ items: DrillRow[]; total: number; sum: number }> {
  const p = new Params();
  const facts = factsCte(p, cityCode, year, districtCode);
  const source = column.source === 'round' ? 'rf' : '"of"';
  const key = q(column.key);
  const from = `FROM ${source} f JOIN audit_rounds r ON r.id = f.round_id JOIN enterprises e ON e.id = r.enterprise_id
    JOIN regions rg ON rg.code = r.district_code LEFT JOIN round_options o ON o.id = f.option_id WHERE f.${key} IS NOT NULL`;
  const rowsSql = `${facts}
    SELECT r.id AS "roundId", e.id AS "enterpriseId", e.name AS "enterpriseName", r.district_code AS "districtCode",
           rg.name AS "districtName", rg.name_en AS "districtNameEn", r.listing_year AS "listingYear", r.state, o.id AS "optionId", o.seq AS "optionSeq", o.name AS "optionName",
           o.category AS "optionCategory", to_char(o.actual_effective_on, 'YYYY-MM-DD') AS "actualEffectiveOn",
           f.${key}::float8 AS value
    ${from}
    ORDER BY r.district_code, e.name, r.listing_year, o.seq NULLS FIRST, r.id`;
  const countSql = `${facts} SELECT count(*)::int AS total, COALESCE(sum(f.${key}), 0)::float8 AS sum ${from}`;
  const countParams = [...p.values];
  const limit = pageClause(p, page, pageSize);
  const [items, count] = await Promise.all([
    db.query<DrillRow>(`${rowsSql} ${limit}`, p.values),
    db.query<{ total: number; sum: number }>(countSql, countParams),
  ]);
  return {
    items: items.rows.map((i) => ({ ...i, value: round4(Number(i.value)) })),
    total: count.rows[0]?.total ?? 0,
    sum: round4(Number(count.rows[0]?.sum ?? 0)),
  };
}
