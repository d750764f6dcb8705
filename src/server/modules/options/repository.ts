import type { Baseline, OptionListQuery, RoundOption } from '../../../shared/contracts/options';
import {
  DEFAULT_OPTION_RULES,
  OPTION_RULE_CODES,
  type BenefitIndicator,
  type Benefits,
  type OptionRuleCode,
  type OptionRules,
  type RuleOption,
} from '../../../shared/domain/options';
import type { Queryable } from '../../db/types';
import { orderBy, Params, queryPage } from '../../platform/sql';
import { TS } from '../rounds/repository';

const DAY = (col: string) => `to_char(${col}, 'YYYY-MM-DD')`;
const benefitsOf = (kind: 'predicted' | 'actual') =>
  `COALESCE((SELECT jsonb_object_agg(b.indicator, b.${kind}::float8) FROM round_option_benefits b
              WHERE b.option_id = o.id AND b.${kind} IS NOT NULL), '{}'::jsonb)`;

const SELECT = `SELECT o.id, o.round_id AS "roundId", o.seq, o.category, o.direction, o.name AS "optionName", o.description,
  o.investment::float8 AS investment, o.status, o.drop_reason AS "dropReason", o.feasibility,
  o.feasibility_note AS "feasibilityNote", ${DAY('o.planned_effective_on')} AS "plannedEffectiveOn",
  ${DAY('o.actual_effective_on')} AS "actualEffectiveOn", o.version, ${TS('o.created_at')} AS "createdAt",
  ${TS('o.updated_at')} AS "updatedAt", ${benefitsOf('predicted')} AS "predictedBenefits", ${benefitsOf('actual')} AS "actualBenefits"
  FROM round_options o`;

const SORT_COLUMNS = {
  seq: 'o.seq',
  category: 'o.category',
  status: 'o.status',
  investment: 'o.investment',
  updatedAt: 'o.updated_at',
} as const;

/** One page of a round's options, filtered and sorted in SQL. */
export async function listOptions(db: Queryable, roundId: string, q: OptionListQuery) {
  const p = new Params();
  const where = [`o.round_id = ${p.add(roundId)}`];
  if (q.category) where.push(`o.category = ${p.add(q.category)}`);
  if (q.status) where.push(`o.status = ${p.add(q.status)}`);
  const filter = `WHERE ${where.join(' AND ')}`;
  return queryPage<RoundOption>(
    db,
    p,
    q.page,
    q.pageSize,
    `${SELECT} ${filter} ${orderBy(q.sort, SORT_COLUMNS, 'o.seq')}`,
    `SELECT count(*)::int AS total FROM round_options o ${filter}`,
  );
}

/** Every option of a round with the fields the quality rules and guards need (one query). */
export async function ruleOptions(db: Queryable, roundId: string): Promise<RuleOption[]> {
  const { rows } = await db.query<RuleOption>(
    `SELECT o.id, o.seq, o.name AS "optionName", o.description, o.category, o.status, o.drop_reason AS "dropReason",
            o.investment::float8 AS investment, o.feasibility,
            ${benefitsOf('predicted')} AS predicted, ${benefitsOf('actual')} AS actual
       FROM round_options o WHERE o.round_id = $1 ORDER BY o.seq`,
    [roundId],
  );
  return rows;
}

export async function findOption(db: Queryable, roundId: string, optionId: string, forUpdate = false) {
  const { rows } = await db.query<RoundOption>(
    `${SELECT} WHERE o.round_id = $1 AND o.id = $2${forUpdate ? ' FOR UPDATE OF o' : ''}`,
    [roundId, optionId],
  );
  return rows[0];
}

export async function optionCount(db: Queryable, roundId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM round_options WHERE round_id = $1', [roundId]);
  return rows[0]?.n ?? 0;
}

/** The stored columns of an option (without id, round, seq and benefits). */
export interface OptionFields {
  category: string;
  direction: string;
  optionName: string;
  description: string | null;
  investment: number | null;
  status: string;
  dropReason: string | null;
  feasibility: string | null;
  feasibilityNote: string | null;
  plannedEffectiveOn: string | null;
  actualEffectiveOn: string | null;
}

const fieldValues = (f: OptionFields) => [
  f.category, f.direction, f.optionName, f.description, f.investment, f.status, f.dropReason, f.feasibility, f.feasibilityNote,
  f.plannedEffectiveOn, f.actualEffectiveOn,
];

/** Insert an option numbered after the round's last one (the caller holds the round's row lock). */
export async function insertOption(
  db: Queryable,
  round: { id: string; cityCode: string; districtCode: string },
  f: OptionFields,
  userId: string | null,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO round_options (round_id, seq, category, direction, name, description, investment, status, drop_reason,
       feasibility, feasibility_note, planned_effective_on, actual_effective_on, created_by, updated_by, city_code, district_code)
     SELECT $1, COALESCE(max(seq), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12::date, $13, $13, $14, $15
       FROM round_options WHERE round_id = $1
     RETURNING id`,
    [round.id, ...fieldValues(f), userId, round.cityCode, round.districtCode],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('option not inserted');
  return id;
}

export async function updateOption(db: Queryable, optionId: string, f: OptionFields, userId: string): Promise<void> {
  await db.query(
    `UPDATE round_options SET category = $2, direction = $3, name = $4, description = $5, investment = $6, status = $7,
       drop_reason = $8, feasibility = $9, feasibility_note = $10, planned_effective_on = $11::date,
       actual_effective_on = $12::date, updated_by = $13, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [optionId, ...fieldValues(f), userId],
  );
}

/** Replace an option's benefit rows with the given predicted and actual figures. */
export async function replaceBenefits(
  db: Queryable,
  option: { id: string; roundId: string },
  predicted: Benefits,
  actual: Benefits,
): Promise<void> {
  await db.query('DELETE FROM round_option_benefits WHERE option_id = $1', [option.id]);
  const keys = [...new Set([...Object.keys(predicted), ...Object.keys(actual)])] as BenefitIndicator[];
  if (!keys.length) return;
  const rows = keys.map((indicator) => ({ indicator, predicted: predicted[indicator] ?? null, actual: actual[indicator] ?? null }));
  await db.query(
    `INSERT INTO round_option_benefits (option_id, round_id, indicator, predicted, actual)
     SELECT $1, $2, x.indicator, x.predicted, x.actual
       FROM jsonb_to_recordset($3::jsonb) AS x(indicator text, predicted numeric, actual numeric)`,
    [option.id, option.roundId, JSON.stringify(rows)],
  );
}

export async function deleteOption(db: Queryable, optionId: string): Promise<void> {
  await db.query('DELETE FROM round_option_benefits WHERE option_id = $1', [optionId]);
  await db.query('DELETE FROM round_options WHERE id = $1', [optionId]);
}

// --- summary of a round (dropped options excluded) ---

export interface OptionSummaryRows {
  counts: { category: 'low_cost' | 'high_cost'; total: number; implemented: number; dropped: number }[];
  investment: number;
  benefits: { indicator: BenefitIndicator; predicted: number | null; actual: number | null }[];
}

export async function optionSummary(db: Queryable, roundId: string): Promise<OptionSummaryRows> {
  const [counts, investment, benefits] = await Promise.all([
    db.query<OptionSummaryRows['counts'][number]>(
      `SELECT category, count(*) FILTER (WHERE status <> 'dropped')::int AS total,
              count(*) FILTER (WHERE status = 'implemented')::int AS implemented,
              count(*) FILTER (WHERE status = 'dropped')::int AS dropped
         FROM round_options WHERE round_id = $1 GROUP BY category`,
      [roundId],
    ),
    db.query<{ total: number }>(
      `SELECT COALESCE(sum(investment), 0)::float8 AS total FROM round_options WHERE round_id = $1 AND status <> 'dropped'`,
      [roundId],
    ),
    db.query<OptionSummaryRows['benefits'][number]>(
      `SELECT b.indicator, sum(b.predicted)::float8 AS predicted, sum(b.actual)::float8 AS actual
         FROM round_option_benefits b JOIN round_options o ON o.id = b.option_id
        WHERE b.round_id = $1 AND o.status <> 'dropped' GROUP BY b.indicator`,
      [roundId],
    ),
  ]);
  return { counts: counts.rows, investment: investment.rows[0]?.total ?? 0, benefits: benefits.rows };
}

// --- baseline ---

export async function findBaseline(db: Queryable, roundId: string): Promise<Baseline> {
  const { rows } = await db.query<Baseline>(
    `SELECT energy_tce::float8 AS "energyTce", electricity_10k_kwh::float8 AS "electricity10kKwh",
            water_tonnes::float8 AS "waterTonnes", ${TS('updated_at')} AS "updatedAt"
       FROM round_baselines WHERE round_id = $1`,
    [roundId],
  );
  return rows[0] ?? { energyTce: null, electricity10kKwh: null, waterTonnes: null, updatedAt: null };
}

export async function saveBaseline(
  db: Queryable,
  round: { id: string; cityCode: string; districtCode: string },
  b: { energyTce: number | null; electricity10kKwh: number | null; waterTonnes: number | null },
  userId: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO round_baselines (round_id, energy_tce, electricity_10k_kwh, water_tonnes, updated_by, city_code, district_code)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (round_id) DO UPDATE SET energy_tce = EXCLUDED.energy_tce, electricity_10k_kwh = EXCLUDED.electricity_10k_kwh,
       water_tonnes = EXCLUDED.water_tonnes, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [round.id, b.energyTce, b.electricity10kKwh, b.waterTonnes, userId, round.cityCode, round.districtCode],
  );
}

// --- quality rules ---

export interface StoredRules {
  rules: OptionRules;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The city's rules: stored rows over the defaults (a rule never edited keeps its default). */
export async function cityRules(db: Queryable, cityCode: string): Promise<StoredRules> {
  const { rows } = await db.query<{ rule: OptionRuleCode; enabled: boolean; params: Record<string, number>; updatedAt: string; updatedBy: string | null }>(
    `SELECT q.rule, q.enabled, q.params, ${TS('q.updated_at')} AS "updatedAt", u.username AS "updatedBy"
       FROM option_quality_rules q LEFT JOIN users u ON u.id = q.updated_by
      WHERE q.city_code = $1 ORDER BY q.updated_at DESC, q.rule`,
    [cityCode],
  );
  const rules = structuredClone(DEFAULT_OPTION_RULES) as Record<OptionRuleCode, { enabled: boolean; params: object }>;
  for (const row of rows) {
    if (!OPTION_RULE_CODES.includes(row.rule)) continue;
    rules[row.rule] = { enabled: row.enabled, params: { ...rules[row.rule].params, ...row.params } };
  }
  return { rules: rules as OptionRules, updatedAt: rows[0]?.updatedAt ?? null, updatedBy: rows[0]?.updatedBy ?? null };
}

/** Write every rule of the city (one row per rule). */
export async function saveCityRules(db: Queryable, cityCode: string, rules: OptionRules, userId: string): Promise<void> {
  const rows = OPTION_RULE_CODES.map((rule) => ({ rule, enabled: rules[rule].enabled, params: rules[rule].params }));
  await db.query(
    `INSERT INTO option_quality_rules (city_code, rule, enabled, params, updated_by)
     SELECT $1, x.rule, x.enabled, x.params, $3 FROM jsonb_to_recordset($2::jsonb) AS x(rule text, enabled boolean, params jsonb)
     ON CONFLICT (city_code, rule) DO UPDATE SET enabled = EXCLUDED.enabled, params = EXCLUDED.params,
       updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [cityCode, JSON.stringify(rows), userId],
  );
}
