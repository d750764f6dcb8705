/**
 * The SQL of the benchmark data set: set-based `INSERT … SELECT generate_series` statements, one per step, written for
 * PostgreSQL 15 and run unchanged on PGlite. Every number inlined here comes from the generator's own plan (integers),
 * never from user input. `random()` is seeded per step (`setseed`), so a data set of the same plan is the same data set.
 */

/** The shape of a generated data set; `scale` 1 is the national set of issue 5 item 6. */
export interface DatasetPlan {
  scale: number;
  enterprises: number;
  /** Listing years: each enterprise has one round per year (the unique key is enterprise + year). */
  years: readonly number[];
  /** Options to generate over the rounds that reached the audit (about; the exact count is printed). */
  options: number;
  /** Whether to spread the data over synthetic cities besides Chongqing (national set) or Chongqing only (city set). */
  national: boolean;
}

export const BENCH_PASSWORD = 'Bench@2026';
export const BENCH_CITY_USER = 'bench_city';
export const BENCH_DISTRICT_USER = 'bench_district';
export const CHONGQING = '500000';
/** Share of the enterprises in Chongqing when the set is national; the rest is spread over SYNTHETIC_CITIES. */
export const CHONGQING_SHARE = 0.6;
export const SYNTHETIC_CITIES = 6;
const SYNTHETIC_DISTRICTS = 20;

/**
 * A deterministic id shaped like a version-4 UUID (the contracts validate ids as RFC 4122 UUIDs): the MD5 of a
 * label with the version and variant nibbles set.
 */
const uuidOf = (label: string) => `overlay(overlay(md5(${label}) placing '4' from 13) placing '8' from 17)::uuid`;

export function planFor(scale: number, national: boolean): DatasetPlan {
  const enterprises = Math.max(50, Math.round(100_000 * scale));
  return { scale, enterprises, years: [2022, 2023, 2024, 2025, 2026], options: enterprises * 25, national };
}

/** Synthetic cities (codes 91xxxx…96xxxx are unused by GB/T 2260) with their districts, for the national set. */
export function syntheticRegionsSql(): string {
  return `
INSERT INTO regions (code, name, name_en, level, kind, parent_code, sort)
SELECT (90 + c)::text || '0000', '基准' || c || '市', 'Bench city ' || c, 'city', 'municipality', NULL, 100 + c
  FROM generate_series(1, ${SYNTHETIC_CITIES}) c
ON CONFLICT (code) DO NOTHING;
INSERT INTO regions (code, name, name_en, level, kind, parent_code, sort)
SELECT (90 + c)::text || lpad(d::text, 4, '0'), '基准' || c || '市第' || d || '区', 'Bench city ' || c || ' district ' || d,
       'district', 'district', (90 + c)::text || '0000', d
  FROM generate_series(1, ${SYNTHETIC_CITIES}) c CROSS JOIN generate_series(1, ${SYNTHETIC_DISTRICTS}) d
ON CONFLICT (code) DO NOTHING;`;
}

/**
 * Enterprises (and their organisations). Enterprise g (1…N) gets a deterministic id; the first CHONGQING_SHARE of them
 * are in Chongqing (all of them for the city set), the others in the synthetic cities. Within a city the district is
 * skewed towards the first districts (index = n·u^1.6), like industrial districts in practice; industries are the
 * GB/T 4754 divisions of mining, manufacturing and utilities, a third of the enterprises in a key industry.
 */
export function enterprisesSql(plan: DatasetPlan): string {
  const n = plan.enterprises;
  const cq = plan.national ? Math.round(n * CHONGQING_SHARE) : n;
  const perCity = plan.national ? Math.ceil((n - cq) / SYNTHETIC_CITIES) : 1;
  return `
SELECT setseed(0.17);
CREATE TEMP TABLE bench_d AS
  SELECT parent_code AS city_code, code AS district_code,
         (row_number() OVER (PARTITION BY parent_code ORDER BY sort, code) - 1)::int AS pos,
         (count(*) OVER (PARTITION BY parent_code))::int AS n
    FROM regions WHERE level = 'district' AND parent_code IS NOT NULL;
CREATE TEMP TABLE bench_e AS
  WITH g AS (
    SELECT g, random() AS u1, random() AS u2, random() AS u3, random() AS u4,
           CASE WHEN g <= ${cq} THEN '${CHONGQING}' ELSE (90 + 1 + (g - ${cq} - 1) / ${perCity})::text || '0000' END AS city_code
      FROM generate_series(1, ${n}) g
  ), ind AS (
    SELECT array_agg(code ORDER BY code) AS codes FROM industries WHERE level = 'division' AND parent_code IN ('B', 'C', 'D')
  ), ki AS (SELECT array_agg(code ORDER BY sort) AS codes FROM key_industries)
  SELECT g.g, ${uuidOf("'bench-ent-' || g.g")} AS id, g.city_code, d.district_code,
         ind.codes[1 + floor(g.u2 * cardinality(ind.codes))::int] AS industry_code,
         CASE WHEN g.u3 < 0.33 THEN ki.codes[1 + floor(g.u3 / 0.33 * cardinality(ki.codes))::int] END AS key_industry_code,
         g.u4
    FROM g
    JOIN bench_d d ON d.city_code = g.city_code
     AND d.pos = LEAST(d.n - 1, floor(d.n * power(g.u1, 1.6))::int)
    CROSS JOIN ind CROSS JOIN ki;
INSERT INTO organizations (id, kind, name, city_code, district_code, credit_code, created_at, updated_at)
SELECT id, 'enterprise', '基准企业' || lpad(g::text, 6, '0') || '有限公司', city_code, district_code,
       '91' || lpad(g::text, 15, '0') || 'X', timestamptz '2020-01-01 08:00+08' + (g % 700) * interval '1 day',
       timestamptz '2021-01-01 08:00+08' + (g % 900) * interval '1 day'
  FROM bench_e;
INSERT INTO enterprises (id, name, credit_code, city_code, district_code, address, legal_representative, industry_code,
                         key_industry_code, industrial_park, discharge_permit_no, contact_name, contact_phone,
                         contact_email, created_at, updated_at)
SELECT id, '基准企业' || lpad(g::text, 6, '0') || '有限公司', '91' || lpad(g::text, 15, '0') || 'X', city_code, district_code,
       '工业园区' || (g % 97 + 1) || '号路' || (g % 500 + 1) || '号', '法人' || (g % 1000), industry_code, key_industry_code,
       CASE WHEN u4 < 0.5 THEN '工业园' || (g % 23 + 1) END,
       CASE WHEN u4 < 0.8 THEN '91' || lpad(g::text, 15, '0') || 'X001' || chr(ascii('P') + (g % 3)) END,
       '联系人' || (g % 1000), '023' || lpad((60000000 + g)::text, 8, '0'), NULL,
       timestamptz '2020-01-01 08:00+08' + (g % 700) * interval '1 day',
       timestamptz '2021-01-01 08:00+08' + (g % 900) * interval '1 day'
  FROM bench_e;
DROP TABLE bench_e;
DROP TABLE bench_d;`;
}

/** One campaign per city and year, with the rules of the 2021 Chongqing notice. */
export function campaignsSql(plan: DatasetPlan): string {
  return `
INSERT INTO campaigns (id, city_code, year, notice_no, title, disclose_months, start_months, report_months,
                       acceptance_months_after_evaluation, toxic_interval_years, key_industry_codes)
SELECT ${uuidOf("'bench-campaign-' || c.code || '-' || y")}, c.code, y, '基准〔' || y || '〕' || (y % 100) || '号',
       c.name || y || '年度清洁生产审核工作', 2, 2, 12, 12, 5, ARRAY['electroplating', 'chemicals']
  FROM regions c CROSS JOIN unnest(ARRAY[${plan.years.join(', ')}]::int[]) y
 WHERE c.level = 'city' AND EXISTS (SELECT 1 FROM enterprises e WHERE e.city_code = c.code)
ON CONFLICT (city_code, year) DO NOTHING;`;
}

/**
 * The mix of states per age of the round (years before the last listing year): old rounds are mostly closed,
 * this year's mostly in the audit. Weights in percent per age.
 */
const STATE_MIX: Record<number, [state: string, weight: number][]> = {
  4: [['closed', 78], ['accepted', 2], ['acceptance_review', 1], ['acceptance_applied', 2], ['acceptance_rejected', 1],
    ['evaluated', 5], ['evaluation_failed', 1], ['audit_started', 1], ['withdrawn', 3], ['rolled_over', 4], ['referred', 2]],
  3: [['closed', 65], ['accepted', 3], ['acceptance_review', 2], ['acceptance_applied', 2], ['acceptance_rejected', 1],
    ['evaluated', 12], ['evaluation_review', 1], ['report_submitted', 2], ['audit_started', 3], ['withdrawn', 3],
    ['rolled_over', 4], ['referred', 2]],
  2: [['closed', 40], ['accepted', 5], ['acceptance_review', 3], ['acceptance_applied', 3], ['acceptance_returned', 1],
    ['acceptance_rejected', 1], ['evaluated', 25], ['evaluation_review', 2], ['evaluation_applied', 2],
    ['evaluation_failed', 1], ['report_submitted', 4], ['audit_started', 6], ['withdrawn', 3], ['rolled_over', 3],
    ['referred', 1]],
  1: [['closed', 5], ['accepted', 2], ['acceptance_applied', 3], ['evaluated', 25], ['evaluation_review', 4],
    ['evaluation_applied', 5], ['evaluation_returned', 1], ['report_submitted', 10], ['audit_started', 37],
    ['disclosed', 3], ['withdrawn', 3], ['rolled_over', 1], ['referred', 1]],
  0: [['evaluated', 3], ['evaluation_review', 2], ['evaluation_applied', 2], ['report_submitted', 8],
    ['audit_started', 55], ['disclosed', 15], ['notified', 8], ['listed', 5], ['withdrawn', 2]],
};

/** The main line of the lifecycle from publication: [transition, from, to]. */
const MAIN_PATH: [string, string, string][] = [
  ['publish', 'plan_approved', 'listed'],
  ['notify', 'listed', 'notified'],
  ['disclose', 'notified', 'disclosed'],
  ['startAudit', 'disclosed', 'audit_started'],
  ['submitReport', 'audit_started', 'report_submitted'],
  ['applyForEvaluation', 'report_submitted', 'evaluation_applied'],
  ['acceptEvaluationApplication', 'evaluation_applied', 'evaluation_review'],
  ['recordEvaluation', 'evaluation_review', 'evaluated'],
  ['applyForAcceptance', 'evaluated', 'acceptance_applied'],
  ['acceptAcceptanceApplication', 'acceptance_applied', 'acceptance_review'],
  ['recordAcceptance', 'acceptance_review', 'accepted'],
  ['publishResult', 'accepted', 'closed'],
];

interface PathStep {
  state: string;
  step: number;
  transition: string;
  from: string;
  to: string;
  /**
   * Taken by some rounds only: 'eval' / 'acc' a returned and resubmitted application, 'fail' a failed first
   * evaluation followed by a new audit and report.
   */
  loop: 'eval' | 'acc' | 'fail' | null;
}

/** The history rows that lead to each state (the timeline a round in that state has). */
export function pathSteps(): PathStep[] {
  const steps: PathStep[] = [];
  const indexOf = (to: string) => MAIN_PATH.findIndex(([, , t]) => t === to);
  const mainTo = (state: string, upTo: number, offset = 0) => {
    MAIN_PATH.slice(0, upTo + 1).forEach(([transition, from, to], i) => {
      steps.push({ state, step: offset + i * 10, transition, from, to, loop: null });
      // A returned evaluation (or acceptance) application, resubmitted, before the review was accepted.
      if (to === 'evaluation_applied' && upTo > i) {
        steps.push({ state, step: offset + i * 10 + 3, transition: 'returnEvaluationApplication', from: 'evaluation_applied', to: 'evaluation_returned', loop: 'eval' });
        steps.push({ state, step: offset + i * 10 + 6, transition: 'resubmitEvaluation', from: 'evaluation_returned', to: 'evaluation_applied', loop: 'eval' });
      }
      if (to === 'evaluation_review' && upTo > i) {
        const failed: [string, string, string][] = [
          ['recordEvaluation', 'evaluation_review', 'evaluation_failed'],
          ['restartAudit', 'evaluation_failed', 'audit_started'],
          ['submitReport', 'audit_started', 'report_submitted'],
          ['applyForEvaluation', 'report_submitted', 'evaluation_applied'],
          ['acceptEvaluationApplication', 'evaluation_applied', 'evaluation_review'],
        ];
        failed.forEach(([transition, from, to2], k) =>
          steps.push({ state, step: offset + i * 10 + 1 + k, transition, from, to: to2, loop: 'fail' }));
      }
      if (to === 'acceptance_applied' && upTo > i) {
        steps.push({ state, step: offset + i * 10 + 3, transition: 'returnAcceptanceApplication', from: 'acceptance_applied', to: 'acceptance_returned', loop: 'acc' });
        steps.push({ state, step: offset + i * 10 + 6, transition: 'resubmitAcceptance', from: 'acceptance_returned', to: 'acceptance_applied', loop: 'acc' });
      }
    });
  };
  for (const [, , to] of MAIN_PATH) mainTo(to, indexOf(to));
  const after = (state: string, prior: string, transition: string, from: string) => {
    mainTo(state, indexOf(prior));
    steps.push({ state, step: (indexOf(prior) + 1) * 10, transition, from, to: state, loop: null });
  };
  after('evaluation_returned', 'evaluation_applied', 'returnEvaluationApplication', 'evaluation_applied');
  after('evaluation_failed', 'evaluation_review', 'recordEvaluation', 'evaluation_review');
  after('acceptance_returned', 'acceptance_applied', 'returnAcceptanceApplication', 'acceptance_applied');
  after('acceptance_rejected', 'acceptance_review', 'recordAcceptance', 'acceptance_review');
  after('withdrawn', 'disclosed', 'withdraw', 'disclosed');
  after('rolled_over', 'audit_started', 'rollOver', 'audit_started');
  after('referred', 'notified', 'referToEnforcement', 'notified');
  return steps;
}

/** Position of each state on the main line (for dates): the step index of the transition into it. */
const stepOf = (state: string) => MAIN_PATH.findIndex(([, , to]) => to === state);

/**
 * Rounds: one per enterprise and year. State by the age mix; dates from the campaign's rules (disclose 2 months,
 * start 2 months, report 12 months after publication; acceptance 12 months after passing evaluation); next_due_on
 * is the deadline the state works towards (DEADLINE_BY_STATE).
 */
export function roundsSql(plan: DatasetPlan): string {
  const last = Math.max(...plan.years);
  const mix = Object.entries(STATE_MIX)
    .flatMap(([age, states]) => states.map(([state, weight]) => `(${Number(age)}, '${state}', ${weight})`))
    .join(',\n    ');
  const evaluatedStates = ['evaluated', 'acceptance_applied', 'acceptance_returned', 'acceptance_review',
    'acceptance_rejected', 'accepted', 'closed'].map((s) => `'${s}'`).join(', ');
  return `
SELECT setseed(0.29);
CREATE TEMP TABLE bench_mix AS
  SELECT age, state,
         (sum(weight) OVER (PARTITION BY age ORDER BY state ROWS UNBOUNDED PRECEDING) - weight)::float8
           / sum(weight) OVER (PARTITION BY age) AS lo,
         sum(weight) OVER (PARTITION BY age ORDER BY state ROWS UNBOUNDED PRECEDING)::float8
           / sum(weight) OVER (PARTITION BY age) AS hi
    FROM (VALUES
    ${mix}) AS m(age, state, weight);
CREATE TEMP TABLE bench_r AS
  SELECT ${uuidOf("'bench-round-' || e.id || '-' || y")} AS id, e.id AS enterprise_id, e.city_code, e.district_code, y,
         random() AS u, random() AS u2,
         make_date(y, 3, 1) + (abs(hashtext(e.id::text)) % 40) AS published
    FROM enterprises e CROSS JOIN unnest(ARRAY[${plan.years.join(', ')}]::int[]) y;
INSERT INTO audit_rounds (id, enterprise_id, campaign_id, listing_year, reasons, reason_details, state,
                          list_published_on, evaluation_passed_on, disclose_due, start_due, report_due, acceptance_due,
                          next_due_on, city_code, district_code, version, created_at, updated_at)
SELECT b.id, b.enterprise_id, ${uuidOf("'bench-campaign-' || b.city_code || '-' || b.y")}, b.y,
       CASE WHEN b.u2 < 0.45 THEN ARRAY['key_industry'] WHEN b.u2 < 0.7 THEN ARRAY['dual_exceed']
            WHEN b.u2 < 0.85 THEN ARRAY['high_energy'] WHEN b.u2 < 0.95 THEN ARRAY['toxic']
            ELSE ARRAY['dual_exceed', 'toxic'] END,
       CASE WHEN b.u2 < 0.3 THEN '重点行业企业' END,
       m.state, b.published, x.evaluated_on,
       (b.published + interval '2 months')::date, (b.published + interval '2 months')::date,
       (b.published + interval '12 months')::date, (x.evaluated_on + interval '12 months')::date,
       CASE WHEN m.state IN ('listed', 'notified') THEN (b.published + interval '2 months')::date
            WHEN m.state = 'disclosed' THEN (b.published + interval '2 months')::date
            WHEN m.state IN ('audit_started', 'evaluation_failed') THEN (b.published + interval '12 months')::date
            WHEN m.state IN ('evaluated', 'acceptance_applied', 'acceptance_returned', 'acceptance_review',
                             'acceptance_rejected') THEN (x.evaluated_on + interval '12 months')::date
       END,
       b.city_code, b.district_code, 1 + ${last} - b.y,
       b.published::timestamptz - interval '20 days', b.published::timestamptz + (LEAST(${last} - b.y, 3) * 90 + 30) * interval '1 day'
  FROM bench_r b
  JOIN bench_mix m ON m.age = ${last} - b.y AND b.u >= m.lo AND b.u < m.hi
  CROSS JOIN LATERAL (
    SELECT CASE WHEN m.state IN (${evaluatedStates}) THEN b.published + ${stepOf('evaluated')} * 28 END AS evaluated_on
  ) x;
DROP TABLE bench_r;
DROP TABLE bench_mix;`;
}

/**
 * The rounds' timelines (round_history): the main-line transitions that lead to each round's state, with a
 * return-and-resubmit loop for about half of the evaluation applications and a third of the acceptance
 * applications, and a failed first evaluation (new audit, new report) for a third of the evaluated rounds (chosen
 * from the round id's bytes), about ten events per round. Each main step about four weeks after the previous one.
 */
export function historySql(): string {
  const values = pathSteps()
    .map((s) => `('${s.state}', ${s.step}, '${s.transition}', '${s.from}', '${s.to}', ${s.loop ? `'${s.loop}'` : 'NULL'})`)
    .join(',\n    ');
  return `
CREATE TEMP TABLE bench_path AS
  SELECT * FROM (VALUES
    ${values}) AS p(state, step, transition, from_state, to_state, loop);
INSERT INTO round_history (round_id, city_code, district_code, transition, from_state, to_state, actor_username,
                           actor_role, comment, occurred_at)
SELECT r.id, r.city_code, r.district_code, p.transition, p.from_state, p.to_state,
       CASE WHEN p.transition IN ('publish', 'publishResult') THEN 'city' WHEN p.transition IN ('notify',
         'acceptEvaluationApplication', 'recordEvaluation', 'acceptAcceptanceApplication', 'recordAcceptance',
         'returnEvaluationApplication', 'returnAcceptanceApplication', 'withdraw', 'rollOver', 'referToEnforcement')
         THEN 'district' ELSE 'enterprise' END,
       CASE WHEN p.transition IN ('publish', 'publishResult') THEN 'city_staff' WHEN p.transition IN ('notify',
         'acceptEvaluationApplication', 'recordEvaluation', 'acceptAcceptanceApplication', 'recordAcceptance',
         'returnEvaluationApplication', 'returnAcceptanceApplication', 'withdraw', 'rollOver', 'referToEnforcement')
         THEN 'district_staff' ELSE 'enterprise_user' END,
       CASE WHEN p.transition IN ('returnEvaluationApplication', 'returnAcceptanceApplication', 'withdraw', 'rollOver',
         'referToEnforcement') THEN '材料不全，请补充后重新提交' END,
       r.list_published_on::timestamptz + interval '9 hours' + (p.step * 28 / 10) * interval '1 day'
         + (get_byte(uuid_send(r.id), 3) % 10) * interval '1 hour'
  FROM audit_rounds r
  JOIN bench_path p ON p.state = r.state
   AND (p.loop IS NULL OR (p.loop = 'eval' AND get_byte(uuid_send(r.id), 0) < 128)
        OR (p.loop = 'acc' AND get_byte(uuid_send(r.id), 1) < 90)
        OR (p.loop = 'fail' AND get_byte(uuid_send(r.id), 2) < 90));
DROP TABLE bench_path;`;
}

/** States whose rounds have options (the audit has started, or got further). */
const OPTION_STATES = ['audit_started', 'report_submitted', 'evaluation_applied', 'evaluation_returned', 'evaluation_review',
  'evaluation_failed', 'evaluated', 'acceptance_applied', 'acceptance_returned', 'acceptance_review', 'acceptance_rejected',
  'accepted', 'closed', 'rolled_over', 'referred'];
const DIRECTIONS = ['raw_materials', 'technology', 'equipment', 'process_control', 'product', 'waste_reuse', 'management', 'staff'];

/**
 * Options: 1…(2·avg − 1) per round that reached the audit (avg chosen so the total is about plan.options), 70%
 * no/low-cost; the status follows the round (implemented once accepted, mostly implementing after evaluation,
 * low-cost ones implemented during the audit); effective dates in the listing year or the next.
 */
export function optionsSql(plan: DatasetPlan, eligibleRounds: number): string {
  const avg = Math.max(1, plan.options / Math.max(1, eligibleRounds));
  const span = Math.max(1, Math.round(2 * avg - 1));
  const states = OPTION_STATES.map((s) => `'${s}'`).join(', ');
  const done = `'accepted', 'closed'`;
  const evaluated = `'evaluated', 'acceptance_applied', 'acceptance_returned', 'acceptance_review', 'acceptance_rejected'`;
  return `
SELECT setseed(0.41);
INSERT INTO round_options (round_id, seq, category, direction, name, description, investment, status, drop_reason,
                           feasibility, planned_effective_on, actual_effective_on, created_at, updated_at, city_code,
                           district_code)
SELECT r.id, s, o.category, (ARRAY['${DIRECTIONS.join("', '")}'])[1 + floor(o.u2 * ${DIRECTIONS.length})::int],
       CASE o.category WHEN 'low_cost' THEN '加强' || (ARRAY['用水', '用电', '原料', '设备维护', '现场'])[1 + s % 5] || '管理方案' || s
                       ELSE (ARRAY['余热回收', '清洁能源替代', '废水回用', '工艺升级', 'VOCs治理'])[1 + s % 5] || '改造项目' || s END,
       NULL,
       CASE o.category WHEN 'low_cost' THEN round((o.u3 * 5)::numeric, 2) ELSE round((20 + o.u3 * 480)::numeric, 2) END,
       o.status, CASE WHEN o.status = 'dropped' THEN '经济上不可行' END,
       CASE WHEN o.category = 'high_cost' AND r.state NOT IN ('audit_started', 'rolled_over', 'referred') THEN 'feasible' END,
       (r.list_published_on + 120 + s * 20 + floor(o.u3 * 200)::int),
       CASE WHEN o.status = 'implemented' THEN r.list_published_on + 120 + s * 20 + floor(o.u3 * 300)::int END,
       r.created_at + s * interval '1 day', r.updated_at, r.city_code, r.district_code
  FROM audit_rounds r
  CROSS JOIN LATERAL generate_series(1, 1 + get_byte(uuid_send(r.id), 5) % ${span}) s
  CROSS JOIN LATERAL (
    SELECT CASE WHEN random() < 0.7 THEN 'low_cost' ELSE 'high_cost' END AS category, random() AS u2, random() AS u3,
           random() AS u4, s AS k
  ) c
  CROSS JOIN LATERAL (
    SELECT c.category, c.u2, c.u3,
           CASE WHEN c.u4 < 0.04 THEN 'dropped'
                WHEN r.state IN (${done}) THEN 'implemented'
                WHEN c.category = 'low_cost' THEN CASE WHEN c.u4 < 0.7 THEN 'implemented' ELSE 'implementing' END
                WHEN r.state IN (${evaluated}) THEN CASE WHEN c.u4 < 0.5 THEN 'implemented' ELSE 'implementing' END
                ELSE 'proposed' END AS status
  ) o
 WHERE r.state IN (${states});`;
}

/** Benefits: an economic benefit for every option and one other indicator for half of them; actual once implemented. */
export function benefitsSql(): string {
  return `
SELECT setseed(0.53);
INSERT INTO round_option_benefits (option_id, round_id, indicator, predicted, actual)
SELECT o.id, o.round_id, b.indicator, b.predicted, CASE WHEN o.status = 'implemented' THEN round(b.predicted * 0.9, 4) END
  FROM round_options o
  CROSS JOIN LATERAL (
    SELECT 'economic' AS indicator, round((CASE o.category WHEN 'low_cost' THEN 0.5 ELSE 10 END
                                           * (1 + get_byte(uuid_send(o.id), 2) % 40))::numeric, 4) AS predicted
    UNION ALL
    SELECT (ARRAY['energy', 'electricity', 'water', 'cod', 'nh3n', 'so2', 'nox', 'particulates', 'vocs',
                  'hazardousWaste', 'co2'])[1 + get_byte(uuid_send(o.id), 3) % 11],
           round((1 + get_byte(uuid_send(o.id), 4) % 200)::numeric / 10, 4)
     WHERE get_byte(uuid_send(o.id), 9) < 128
  ) b;`;
}
