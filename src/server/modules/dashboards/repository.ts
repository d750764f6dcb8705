import type { BenefitIndicator } from '../../../shared/domain/options';
import type { Role } from '../../../shared/domain/roles';
import type { RoundState } from '../../../shared/domain/roundStates';
import type { Queryable } from '../../db/types';
import { Params } from '../../platform/sql';
import { chinaYear, dueWithin, overdue, realisedBenefit } from './predicates';

/**
 * The dashboards' set-based aggregates. Every query takes the resolved region (a city, optionally one of its
 * districts) and applies it in SQL on the region keys every business row carries; nothing is filtered in
 * JavaScript and no query runs per district or per round.
 */
export interface Region {
  cityCode: string;
  districtCode: string | null;
}

/** The region as a condition on a table alias with city_code / district_code columns. */
function regionOf(alias: string, region: Region, p: Params): string {
  const where = [`${alias}.city_code = ${p.add(region.cityCode)}`];
  if (region.districtCode) where.push(`${alias}.district_code = ${p.add(region.districtCode)}`);
  return where.join(' AND ');
}

export interface DistrictRow {
  code: string;
  name: string;
  nameEn: string;
}

/** The districts of the region, in official order. */
export async function districts(db: Queryable, region: Region): Promise<DistrictRow[]> {
  const p = new Params();
  const where = [`d.parent_code = ${p.add(region.cityCode)}`, `d.level = 'district'`];
  if (region.districtCode) where.push(`d.code = ${p.add(region.districtCode)}`);
  const { rows } = await db.query<DistrictRow>(
    `SELECT d.code, d.name, d.name_en AS "nameEn" FROM regions d WHERE ${where.join(' AND ')} ORDER BY d.sort, d.code`,
    p.values,
  );
  return rows;
}

/** Whether `districtCode` is a district of the city. */
export async function isDistrictOf(db: Queryable, cityCode: string, districtCode: string): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM regions WHERE code = $1 AND parent_code = $2 AND level = 'district'`, [
    districtCode,
    cityCode,
  ]);
  return rows.length > 0;
}

export interface DistrictStateRow {
  districtCode: string;
  state: RoundState;
  n: number;
  overdue: number;
  dueSoon: number;
}

/** Rounds per district and state (of a listing year), with the overdue and due-soon ones: one GROUP BY. */
export async function roundsByDistrictAndState(
  db: Queryable,
  region: Region,
  year: number | null,
  today: string,
  dueSoonDays: number,
): Promise<DistrictStateRow[]> {
  const p = new Params();
  const where = [regionOf('r', region, p)];
  if (year !== null) where.push(`r.listing_year = ${p.add(year)}`);
  const { rows } = await db.query<DistrictStateRow>(
    `SELECT r.district_code AS "districtCode", r.state, count(*)::int AS n,
            (count(*) FILTER (WHERE ${overdue(today, p)}))::int AS overdue,
            (count(*) FILTER (WHERE ${dueWithin(today, dueSoonDays, p)}))::int AS "dueSoon"
       FROM audit_rounds r
      WHERE ${where.join(' AND ')}
      GROUP BY r.district_code, r.state`,
    p.values,
  );
  return rows;
}

/** Rounds per listing year (all years). */
export async function listedPerYear(db: Queryable, region: Region): Promise<{ year: number; n: number }[]> {
  const p = new Params();
  const { rows } = await db.query<{ year: number; n: number }>(
    `SELECT r.listing_year AS year, count(*)::int AS n FROM audit_rounds r
      WHERE ${regionOf('r', region, p)} GROUP BY r.listing_year`,
    p.values,
  );
  return rows;
}

/** Rounds accepted per China-time year: distinct rounds with a transition into 'accepted' in that year. */
export async function acceptedPerYear(db: Queryable, region: Region): Promise<{ year: number; n: number }[]> {
  const p = new Params();
  const { rows } = await db.query<{ year: number; n: number }>(
    `SELECT ${chinaYear('h.occurred_at')} AS year, count(DISTINCT h.round_id)::int AS n
       FROM round_history h
      WHERE ${regionOf('h', region, p)} AND h.to_state = 'accepted'
      GROUP BY 1`,
    p.values,
  );
  return rows;
}

export interface BenefitYearRow {
  year: number;
  indicator: BenefitIndicator;
  total: number;
  rounds: number;
}

/** Realised benefits per effective year and indicator: sum of the actual values, and the rounds behind them. */
export async function benefitsByYear(db: Queryable, region: Region): Promise<BenefitYearRow[]> {
  const p = new Params();
  const { rows } = await db.query<BenefitYearRow>(
    `SELECT extract(year FROM o.actual_effective_on)::int AS year, b.indicator,
            sum(b.actual)::float8 AS total, count(DISTINCT r.id)::int AS rounds
       FROM round_options o
       JOIN round_option_benefits b ON b.option_id = o.id
       JOIN audit_rounds r ON r.id = o.round_id
      WHERE ${regionOf('o', region, p)} AND ${realisedBenefit({}, p)}
      GROUP BY 1, b.indicator`,
    p.values,
  );
  return rows;
}

export interface BenefitIndustryRow {
  industryCode: string;
  industryName: string;
  industryNameEn: string;
  indicator: BenefitIndicator;
  total: number;
  rounds: number;
}

/** Realised benefits per industry of the enterprise and indicator, in one effective year or all years. */
export async function benefitsByIndustry(db: Queryable, region: Region, year: number | null): Promise<BenefitIndustryRow[]> {
  const p = new Params();
  const { rows } = await db.query<BenefitIndustryRow>(
    `SELECT e.industry_code AS "industryCode", i.name AS "industryName", i.name_en AS "industryNameEn", b.indicator,
            sum(b.actual)::float8 AS total, count(DISTINCT r.id)::int AS rounds
       FROM round_options o
       JOIN round_option_benefits b ON b.option_id = o.id
       JOIN audit_rounds r ON r.id = o.round_id
       JOIN enterprises e ON e.id = r.enterprise_id
       JOIN industries i ON i.code = e.industry_code
      WHERE ${regionOf('o', region, p)} AND ${realisedBenefit({ year: year ?? 'any' }, p)}
      GROUP BY e.industry_code, i.name, i.name_en, b.indicator`,
    p.values,
  );
  return rows;
}

export interface MilestoneRow {
  id: string;
  name: string;
  dueOn: string;
  actorRole: Role;
}

/** The milestones of the city's campaign of `year`. */
export async function milestones(db: Queryable, cityCode: string, year: number): Promise<MilestoneRow[]> {
  const { rows } = await db.query<MilestoneRow>(
    `SELECT m.id, m.name, to_char(m.due_on, 'YYYY-MM-DD') AS "dueOn", m.actor_role AS "actorRole"
       FROM campaign_milestones m JOIN campaigns c ON c.id = m.campaign_id
      WHERE c.city_code = $1 AND c.year = $2
      ORDER BY m.sort, m.due_on, m.id`,
    [cityCode, year],
  );
  return rows;
}
