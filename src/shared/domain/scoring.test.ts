import { describe, it, expect } from 'vitest';
import {
  DEFAULT_ACCEPTANCE_SHEET,
  DEFAULT_EVALUATION_SHEET,
  DEFAULT_GRADING_RULE,
  aggregateTenths,
  baseMaxPoints,
  expertTotal,
  panelResult,
  validateExpertScores,
  validateGradingRule,
  validatePanelSize,
  validateScoreSheet,
  type ExpertScores,
  type GradingRule,
  type ScoreSheet,
} from './scoring';

const EVAL_CODES = [
  'process_authenticity', // 15
  'focus_and_targets', // 15
  'balances', // 15
  'low_cost_options', // 20
  'high_cost_feasibility', // 20
  'report_quality', // 15
] as const;
const ACC_CODES = [
  'high_cost_implementation', // 25
  'targets_achieved', // 25
  'performance_verified', // 20
  'cp_level', // 15
  'continuous_mechanism', // 15
] as const;

/** An evaluation score sheet: six base items in sheet order, then bonus and vetoes. */
function ev(points: readonly number[], opts: { bonus?: number; falsification?: boolean; violation?: boolean } = {}): ExpertScores {
  return {
    ...Object.fromEntries(EVAL_CODES.map((code, i) => [code, points[i] ?? 0])),
    advanced_technology: opts.bonus ?? 0,
    falsification: opts.falsification ?? false,
    major_violation: opts.violation ?? false,
  };
}
function acc(points: readonly number[], opts: { unrectified?: boolean; falseData?: boolean } = {}): ExpertScores {
  return {
    ...Object.fromEntries(ACC_CODES.map((code, i) => [code, points[i] ?? 0])),
    unrectified_violation: opts.unrectified ?? false,
    false_monitoring: opts.falseData ?? false,
  };
}

// Hand-computed expert totals (sum of the six items).
const T70_0 = ev([15, 15, 10, 10, 10, 10]); // 70.0
const T69_9 = ev([14.9, 15, 10, 10, 10, 10]); // 69.9
const T69_7 = ev([14.7, 15, 10, 10, 10, 10]); // 69.7
const T69_5 = ev([14.5, 15, 10, 10, 10, 10]); // 69.5
const T70_5 = ev([15, 15, 10.5, 10, 10, 10]); // 70.5
const T90_0 = ev([15, 15, 15, 15, 15, 15]); // 90.0
const T89_9 = ev([15, 15, 15, 15, 15, 14.9]); // 89.9
const T89_8 = ev([15, 15, 15, 15, 14.8, 15]); // 89.8
const T88_0 = ev([15, 15, 15, 15, 15, 13]); // 88.0
const T91_0 = ev([15, 15, 15, 16, 15, 15]); // 91.0

const evaluate = (panel: readonly ExpertScores[], rule: GradingRule = DEFAULT_GRADING_RULE) =>
  panelResult('evaluation', DEFAULT_EVALUATION_SHEET, panel, rule);

describe('score sheets', () => {
  it('default sheets are valid with base items summing to 100', () => {
    expect(validateScoreSheet(DEFAULT_EVALUATION_SHEET)).toEqual([]);
    expect(validateScoreSheet(DEFAULT_ACCEPTANCE_SHEET)).toEqual([]);
    expect(baseMaxPoints(DEFAULT_EVALUATION_SHEET)).toBe(100);
    expect(baseMaxPoints(DEFAULT_ACCEPTANCE_SHEET)).toBe(100);
    expect(DEFAULT_EVALUATION_SHEET.items.filter((i) => i.veto).map((i) => i.code)).toEqual(['falsification', 'major_violation']);
    expect(DEFAULT_ACCEPTANCE_SHEET.items.filter((i) => i.veto).map((i) => i.code)).toEqual([
      'unrectified_violation',
      'false_monitoring',
    ]);
    expect(DEFAULT_EVALUATION_SHEET.items.filter((i) => i.bonus).map((i) => i.code)).toEqual(['advanced_technology']);
  });

  it('reports the faults of an edited sheet', () => {
    const first = DEFAULT_EVALUATION_SHEET.items[0];
    const vetoItem = DEFAULT_EVALUATION_SHEET.items.find((i) => i.veto);
    if (!first || !vetoItem) throw new Error('default sheet changed');
    const bad: ScoreSheet = {
      ...DEFAULT_EVALUATION_SHEET,
      items: [first, { ...first }, { ...first, code: 'x', maxPoints: -1 }, { ...vetoItem, maxPoints: 5, bonus: true }],
    };
    expect(validateScoreSheet(bad)).toEqual([
      { code: 'duplicateCode', item: 'process_authenticity' },
      { code: 'badPoints', item: 'x' },
      { code: 'vetoWithPoints', item: 'falsification' },
      { code: 'vetoBonus', item: 'falsification' },
      { code: 'baseTotal', expected: 100, actual: 29 },
    ]);
    expect(validateScoreSheet({ ...bad, items: [] })).toEqual([{ code: 'noItems' }]);
  });
});

describe('expert scores', () => {
  it('accepts a complete sheet and totals it exactly', () => {
    expect(validateExpertScores(DEFAULT_EVALUATION_SHEET, T69_9)).toEqual({});
    expect(expertTotal(DEFAULT_EVALUATION_SHEET, T69_9)).toBe(69.9);
    expect(expertTotal(DEFAULT_EVALUATION_SHEET, ev([0.1, 0.2, 0.3, 0.1, 0.2, 0.1]))).toBe(1);
  });

  it('adds bonus points but caps the total at the base maximum', () => {
    expect(expertTotal(DEFAULT_EVALUATION_SHEET, ev([15, 15, 15, 15, 15, 15], { bonus: 5 }))).toBe(95);
    expect(expertTotal(DEFAULT_EVALUATION_SHEET, ev([15, 15, 15, 20, 20, 15], { bonus: 3 }))).toBe(100);
  });

  it('rejects invalid scores, naming the failing item', () => {
    const scores: Record<string, unknown> = {
      ...ev([15, 15, 15, 20, 20, 15]),
      process_authenticity: 16,
      focus_and_targets: -1,
      balances: '12',
      low_cost_options: 10.25,
      high_cost_feasibility: Number.NaN,
      falsification: 0,
      surprise_item: 3,
    };
    delete scores.report_quality;
    expect(validateExpertScores(DEFAULT_EVALUATION_SHEET, scores)).toEqual({
      process_authenticity: { code: 'outOfRange', max: 15 },
      focus_and_targets: { code: 'outOfRange', max: 15 },
      balances: { code: 'notNumber' },
      low_cost_options: { code: 'tooPrecise' },
      high_cost_feasibility: { code: 'notNumber' },
      report_quality: { code: 'missing' },
      falsification: { code: 'notBoolean' },
      surprise_item: { code: 'unknownItem' },
    });
    expect(() => expertTotal(DEFAULT_EVALUATION_SHEET, { ...T70_0, balances: 15.5 })).toThrow(/balances outOfRange/);
    expect(() => evaluate([T70_0, T70_0, { ...T70_0, major_violation: 'no' as unknown as boolean }])).toThrow(
      /major_violation notBoolean/,
    );
  });

  it('accepts the extremes 0 and max', () => {
    expect(validateExpertScores(DEFAULT_ACCEPTANCE_SHEET, acc([0, 25, 0, 15, 0]))).toEqual({});
  });
});

describe('evaluation grading at the boundaries', () => {
  it.each([
    ['69.9 fails', [T70_0, T70_0, T69_7], 69.9, 'fail'],
    ['70 passes after revision', [T69_5, T70_0, T70_5], 70, 'pass_with_revision'],
    ['89.9 passes after revision', [T90_0, T89_9, T89_8], 89.9, 'pass_with_revision'],
    ['90 passes', [T88_0, T91_0, T91_0], 90, 'pass'],
  ] as const)('%s', (_name, panel, score, grade) => {
    const result = evaluate(panel);
    expect(result).toMatchObject({ kind: 'evaluation', score, grade, vetoed: false, vetoItems: [] });
  });

  it('rounds the mean half up to one decimal and grades the rounded score', () => {
    expect(evaluate([T69_9, T69_9, T70_0])).toMatchObject({ score: 69.9, grade: 'fail' }); // 69.933…
    expect(evaluate([T69_9, T70_0, T70_0])).toMatchObject({ score: 70, grade: 'pass_with_revision' }); // 69.966…
    expect(evaluate([T89_9, T89_9, T90_0]).score).toBe(89.9); // 89.933…
  });

  it('lists every expert total', () => {
    expect(evaluate([T69_5, T70_0, T70_5]).expertTotals).toEqual([69.5, 70, 70.5]);
  });

  it('follows changed thresholds', () => {
    const rule: GradingRule = { ...DEFAULT_GRADING_RULE, evaluation: { failBelow: 60, passAtOrAbove: 80 } };
    expect(evaluate([T69_5, T70_0, T70_5], rule).grade).toBe('pass_with_revision');
    expect(evaluate([T88_0, T88_0, T88_0], rule).grade).toBe('pass');
  });
});

describe('vetoes', () => {
  it('fails an evaluation when any expert marks a veto item, whatever the score', () => {
    const result = evaluate([T91_0, T91_0, ev([15, 15, 15, 16, 15, 15], { violation: true, falsification: true })]);
    expect(result).toMatchObject({ score: 91, grade: 'fail', vetoed: true, vetoItems: ['falsification', 'major_violation'] });
  });

  it('rejects an acceptance on a veto or a score below 70', () => {
    const high = acc([25, 25, 20, 15, 10]); // 95
    expect(panelResult('acceptance', DEFAULT_ACCEPTANCE_SHEET, [high, high, acc([25, 25, 20, 15, 10], { falseData: true })], DEFAULT_GRADING_RULE)).toMatchObject({
      kind: 'acceptance', score: 95, grade: 'rejected', vetoed: true, vetoItems: ['false_monitoring'],
    });
    const a69_9 = acc([20, 20, 15, 10, 4.9]);
    const a70_0 = acc([20, 20, 15, 10, 5]);
    const a69_7 = acc([20, 20, 15, 10, 4.7]);
    expect(panelResult('acceptance', DEFAULT_ACCEPTANCE_SHEET, [a70_0, a70_0, a69_7], DEFAULT_GRADING_RULE)).toMatchObject({
      score: 69.9, grade: 'rejected', vetoed: false,
    });
    expect(panelResult('acceptance', DEFAULT_ACCEPTANCE_SHEET, [a69_9, a70_0, acc([20, 20, 15, 10, 5.1])], DEFAULT_GRADING_RULE)).toMatchObject({
      score: 70, grade: 'accepted',
    });
  });
});

describe('aggregation', () => {
  const t60 = ev([15, 15, 10, 10, 10, 0]); // 60
  const t75 = ev([15, 15, 15, 15, 15, 0]); // 75
  const t95 = ev([15, 15, 15, 20, 15, 15]); // 95

  it('uses the median or trimmed mean when configured', () => {
    expect(evaluate([t60, t75, t95]).score).toBe(76.7); // 230 / 3
    expect(evaluate([t60, t75, t95], { ...DEFAULT_GRADING_RULE, aggregate: 'median' }).score).toBe(75);
    expect(evaluate([t60, t75, t95], { ...DEFAULT_GRADING_RULE, aggregate: 'trimmedMean' }).score).toBe(75);
  });

  it('computes trimmed mean and median in tenths', () => {
    expect(aggregateTenths([500, 800, 850, 900, 1000], 'trimmedMean')).toBe(850);
    expect(aggregateTenths([500, 800, 850, 900, 1000], 'mean')).toBe(810);
    expect(aggregateTenths([600, 700, 701, 990], 'median')).toBe(701); // 700.5 rounds half up
    expect(aggregateTenths([700, 800], 'trimmedMean')).toBe(750); // too few to trim
    expect(aggregateTenths([699], 'median')).toBe(699);
    expect(() => aggregateTenths([], 'mean')).toThrow(RangeError);
  });

  it('refuses a sheet of the other kind or an empty panel', () => {
    expect(() => panelResult('acceptance', DEFAULT_EVALUATION_SHEET, [T70_0], DEFAULT_GRADING_RULE)).toThrow(RangeError);
    expect(() => evaluate([])).toThrow(RangeError);
  });
});

describe('panels and rules', () => {
  it('requires an odd panel of at least three by default', () => {
    expect(validatePanelSize(3, DEFAULT_GRADING_RULE)).toEqual({ ok: true });
    expect(validatePanelSize(5, DEFAULT_GRADING_RULE)).toEqual({ ok: true });
    expect(validatePanelSize(2, DEFAULT_GRADING_RULE)).toEqual({ ok: false, problem: 'tooSmall', min: 3 });
    expect(validatePanelSize(4, DEFAULT_GRADING_RULE)).toEqual({ ok: false, problem: 'notOdd', min: 3 });
    expect(validatePanelSize(3.5, DEFAULT_GRADING_RULE)).toEqual({ ok: false, problem: 'notInteger', min: 3 });
    expect(validatePanelSize(4, { ...DEFAULT_GRADING_RULE, requireOdd: false })).toEqual({ ok: true });
  });

  it('validates an edited grading rule', () => {
    expect(validateGradingRule(DEFAULT_GRADING_RULE)).toEqual({});
    expect(
      validateGradingRule({
        ...DEFAULT_GRADING_RULE,
        evaluation: { failBelow: 95, passAtOrAbove: 90 },
        acceptance: { failBelow: 70.05 },
        minPanelSize: 0,
      }),
    ).toEqual({ 'evaluation.passAtOrAbove': 'failAbovePass', 'acceptance.failBelow': 'tooPrecise', minPanelSize: 'outOfRange' });
    expect(validateGradingRule({ ...DEFAULT_GRADING_RULE, evaluation: { failBelow: -1, passAtOrAbove: 101 } })).toEqual({
      'evaluation.failBelow': 'outOfRange',
      'evaluation.passAtOrAbove': 'outOfRange',
    });
  });
});
