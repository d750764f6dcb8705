import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTION_RULES,
  computeOptionWarnings,
  jaccard,
  normaliseText,
  shingles,
  statusChangeAllowed,
  type OptionRuleParams,
  type OptionRules,
  type RoundBaseline,
  type RuleOption,
} from './options';
import { acceptanceReadinessGaps, evaluationReadinessGaps, minimumOptions } from './optionGuards';

let n = 0;
function option(overrides: Partial<RuleOption> = {}): RuleOption {
  n += 1;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    seq: n,
    optionName: `方案${n}号：${'甲乙丙丁戊己庚辛壬癸'.slice(n % 10)}${n * 7919}`,
    description: null,
    category: 'low_cost',
    status: 'implemented',
    dropReason: null,
    investment: 0.5,
    feasibility: null,
    predicted: { economic: 1 },
    actual: {},
    ...overrides,
  };
}
const NO_BASELINE: RoundBaseline = { energyTce: null, electricity10kKwh: null, waterTonnes: null };

/** Only the named rule enabled (with optional parameters), so each test sees one rule's warnings. */
function only<K extends keyof OptionRules>(code: K, params?: OptionRuleParams[K]): OptionRules {
  const rules = structuredClone(DEFAULT_OPTION_RULES);
  for (const key of Object.keys(rules) as (keyof OptionRules)[]) rules[key].enabled = key === code;
  if (params) (rules[code] as { params: OptionRuleParams[K] }).params = params;
  return rules;
}

describe('option status changes', () => {
  it('allows the forward path, direct implementation or dropping, and one step back', () => {
    expect(statusChangeAllowed('proposed', 'implementing')).toBe(true);
    expect(statusChangeAllowed('implementing', 'implemented')).toBe(true);
    expect(statusChangeAllowed('proposed', 'implemented')).toBe(true);
    expect(statusChangeAllowed('implementing', 'dropped')).toBe(true);
    expect(statusChangeAllowed('implemented', 'implementing')).toBe(true);
    expect(statusChangeAllowed('dropped', 'proposed')).toBe(true);
    expect(statusChangeAllowed('implemented', 'implemented')).toBe(true);
  });
  it('refuses jumps back over a stage', () => {
    expect(statusChangeAllowed('implemented', 'proposed')).toBe(false);
    expect(statusChangeAllowed('implemented', 'dropped')).toBe(false);
    expect(statusChangeAllowed('dropped', 'implemented')).toBe(false);
  });
});

describe('rule 1: no/low-cost option without a quantified benefit', () => {
  const rules = only('lowCostNoBenefit');
  it('warns for a low-cost option whose benefits are all missing or zero, naming it', () => {
    const bare = option({ optionName: '加强车间照明管理', predicted: { economic: 0 }, actual: {} });
    const w = computeOptionWarnings([bare], NO_BASELINE, rules);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'lowCostNoBenefit', optionId: bare.id });
    expect(w[0]?.text['zh-CN']).toContain('加强车间照明管理');
    expect(w[0]?.text.en).toContain('no quantified benefit');
  });
  it('is satisfied by any positive predicted or actual figure, and ignores high-cost and dropped options', () => {
    const tiny = option({ predicted: {}, actual: { water: 0.0001 } });
    const high = option({ category: 'high_cost', predicted: {}, investment: 10, feasibility: 'feasible' });
    const dropped = option({ predicted: {}, status: 'dropped', dropReason: '不适用' });
    expect(computeOptionWarnings([tiny, high, dropped], NO_BASELINE, rules)).toEqual([]);
  });
  it('is silent when disabled', () => {
    const rules2 = only('lowCostNoBenefit');
    rules2.lowCostNoBenefit.enabled = false;
    expect(computeOptionWarnings([option({ predicted: {} })], NO_BASELINE, rules2)).toEqual([]);
  });
});

describe('rule 2: medium/high-cost option without investment or feasibility conclusion', () => {
  const rules = only('highCostIncomplete');
  it('names each missing part; zero investment counts as missing', () => {
    const none = option({ category: 'high_cost', investment: null, feasibility: null });
    const zero = option({ category: 'high_cost', investment: 0, feasibility: 'feasible' });
    const noFeasibility = option({ category: 'high_cost', investment: 120, feasibility: null });
    const w = computeOptionWarnings([none, zero, noFeasibility], NO_BASELINE, rules);
    expect(w.map((x) => x.optionId)).toEqual([none.id, zero.id, noFeasibility.id]);
    expect(w[0]?.text['zh-CN']).toContain('投资额、可行性分析结论');
    expect(w[1]?.text.en).toContain('lacks investment');
    expect(w[1]?.text.en).not.toContain('feasibility');
    expect(w[2]?.text.en).toContain('lacks feasibility conclusion');
  });
  it('accepts a complete option (even "not feasible") and ignores dropped ones', () => {
    const ok = option({ category: 'high_cost', investment: 0.01, feasibility: 'not_feasible' });
    const dropped = option({ category: 'high_cost', investment: null, status: 'dropped', dropReason: '资金不足' });
    expect(computeOptionWarnings([ok, dropped], NO_BASELINE, rules)).toEqual([]);
  });
});

describe('rule 3: implausible benefit', () => {
  const baseline: RoundBaseline = { energyTce: 1000, electricity10kKwh: 500, waterTonnes: null };
  it('flags an option saving more than the declared consumption, with the figures', () => {
    const big = option({ optionName: '余热回收', predicted: { energy: 1000.5 } });
    const w = computeOptionWarnings([big], baseline, only('implausibleBenefit'));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'implausibleBenefit', optionId: big.id });
    expect(w[0]?.text['zh-CN']).toContain('1,000.5');
    expect(w[0]?.text['zh-CN']).toContain('1,000 吨标煤');
    expect(w[0]?.text.en).toContain('exceeds the declared annual energy use 1,000 tce');
  });
  it('accepts a saving exactly equal to the consumption (boundary), and checks actual figures too', () => {
    expect(computeOptionWarnings([option({ predicted: { energy: 1000 } })], baseline, only('implausibleBenefit'))).toEqual([]);
    const actual = option({ predicted: {}, actual: { electricity: 600 } });
    expect(computeOptionWarnings([actual], baseline, only('implausibleBenefit')).map((x) => x.optionId)).toEqual([actual.id]);
  });
  it('flags the round total when no single option does', () => {
    const a = option({ predicted: { energy: 600 } });
    const b = option({ predicted: { energy: 401 } });
    const w = computeOptionWarnings([a, b], baseline, only('implausibleBenefit'));
    expect(w).toHaveLength(1);
    expect(w[0]?.optionId).toBeNull();
    expect(w[0]?.text['zh-CN']).toContain('1,001');
  });
  it('scales with maxShare and skips indicators without a declared baseline', () => {
    const half = option({ predicted: { energy: 501, water: 1e9 } });
    expect(computeOptionWarnings([half], baseline, only('implausibleBenefit', { maxShare: 0.5 }))).toHaveLength(1);
    expect(computeOptionWarnings([option({ predicted: { energy: 500 } })], baseline, only('implausibleBenefit', { maxShare: 0.5 }))).toEqual([]);
    expect(computeOptionWarnings([half], NO_BASELINE, only('implausibleBenefit'))).toEqual([]);
  });
});

describe('rule 4: fewer options than the minimum', () => {
  it('warns below the minimum and not at it; dropped options do not count', () => {
    const rules = only('tooFewOptions', { minOptions: 3 });
    const three = [option(), option(), option()];
    expect(computeOptionWarnings(three, NO_BASELINE, rules)).toEqual([]);
    const withDropped = [option(), option(), option({ status: 'dropped', dropReason: '重复' })];
    const w = computeOptionWarnings(withDropped, NO_BASELINE, rules);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'tooFewOptions', optionId: null });
    expect(w[0]?.text['zh-CN']).toContain('仅有 2 项');
    expect(w[0]?.text['zh-CN']).toContain('3 项');
  });
  it('a minimum of 0 never warns, even with no options', () => {
    expect(computeOptionWarnings([], NO_BASELINE, only('tooFewOptions', { minOptions: 0 }))).toEqual([]);
    expect(computeOptionWarnings([], NO_BASELINE, only('tooFewOptions', { minOptions: 1 }))).toHaveLength(1);
  });
});

describe('rule 5: near-identical option texts', () => {
  it('normalises text and builds character shingles', () => {
    expect(normaliseText(' 电机 变频，改造! ')).toBe('电机变频改造');
    expect([...shingles('电机变频', 2)]).toEqual(['电机', '机变', '变频']);
    expect([...shingles('电', 2)]).toEqual(['电']);
    expect(shingles('', 2).size).toBe(0);
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
  it('flags the later option of a pair at or above the threshold, with the similarity', () => {
    const a = option({ optionName: '空压机变频改造' });
    const b = option({ optionName: '空压机变频改造。' });
    const c = option({ optionName: '冷凝水回收利用' });
    const w = computeOptionWarnings([a, b, c], NO_BASELINE, only('similarTexts'));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: 'similarTexts', optionId: b.id });
    expect(w[0]?.text['zh-CN']).toContain('相似度 100%');
  });
  it('uses the threshold as an inclusive boundary', () => {
    // "abcd" vs "abce": bigrams {ab, bc, cd} vs {ab, bc, ce}: 2 common of 4 → 0.5.
    const a = option({ optionName: 'abcd' });
    const b = option({ optionName: 'abce' });
    expect(computeOptionWarnings([a, b], NO_BASELINE, only('similarTexts', { threshold: 0.5, shingleSize: 2 }))).toHaveLength(1);
    expect(computeOptionWarnings([a, b], NO_BASELINE, only('similarTexts', { threshold: 0.51, shingleSize: 2 }))).toEqual([]);
  });
  it('ignores dropped options', () => {
    const a = option({ optionName: '更换节能灯具' });
    const b = option({ optionName: '更换节能灯具', status: 'dropped', dropReason: '与第1项重复' });
    expect(computeOptionWarnings([a, b], NO_BASELINE, only('similarTexts'))).toEqual([]);
  });
});

describe('guard optionsReadyForEvaluation', () => {
  it('passes with enough options, low-cost ones implemented or dropped, high-cost ones complete', () => {
    const list = [
      option(),
      option({ status: 'dropped', dropReason: '不可行' }),
      option({ category: 'high_cost', status: 'proposed', investment: 80, feasibility: 'feasible' }),
    ];
    expect(evaluationReadinessGaps(list, 2)).toEqual([]);
  });
  it('names every gap: count, unimplemented low-cost, none implemented, incomplete high-cost', () => {
    const low = option({ seq: 1, status: 'implementing', optionName: '冷凝水回收' });
    const high = option({ seq: 2, category: 'high_cost', status: 'proposed', investment: null, feasibility: null });
    const gaps = evaluationReadinessGaps([low, high], 3);
    expect(gaps.map((g) => g.field)).toEqual([
      'options.count',
      'options.1.status',
      'options.lowCostImplemented',
      'options.2.feasibility',
      'options.2.investment',
    ]);
    expect(gaps[1]?.text['zh-CN']).toBe('第1项方案“冷凝水回收”尚未实施');
  });
  it('treats the minimum as inclusive, and a disabled count rule as no minimum', () => {
    expect(evaluationReadinessGaps([option(), option()], 2)).toEqual([]);
    expect(evaluationReadinessGaps([option(), option()], 3).map((g) => g.field)).toEqual(['options.count']);
    const rules = structuredClone(DEFAULT_OPTION_RULES);
    expect(minimumOptions(rules)).toBe(5);
    rules.tooFewOptions.enabled = false;
    expect(minimumOptions(rules)).toBe(0);
  });
});

describe('guard highCostOptionsSettled', () => {
  it('passes when every high-cost option is implemented or dropped with a reason', () => {
    const list = [
      option({ category: 'high_cost', status: 'implemented' }),
      option({ category: 'high_cost', status: 'dropped', dropReason: '市场变化，产线停产' }),
      option({ category: 'low_cost', status: 'proposed' }),
    ];
    expect(acceptanceReadinessGaps(list)).toEqual([]);
  });
  it('names each unsettled option, including one dropped without a reason', () => {
    const a = option({ seq: 7, category: 'high_cost', status: 'implementing', optionName: '电镀废水回用' });
    const b = option({ seq: 8, category: 'high_cost', status: 'dropped', dropReason: ' ' });
    const gaps = acceptanceReadinessGaps([b, a]);
    expect(gaps.map((g) => g.field)).toEqual(['options.7.status', 'options.8.status']);
    expect(gaps[0]?.text['zh-CN']).toContain('实施中');
  });
});
