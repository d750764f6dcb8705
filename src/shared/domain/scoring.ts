import type { Locale } from '../i18n/locales';
import { baseMaxPoints, isTenths, type ScoreSheet, type ScoreSheetKind } from './scoreSheets';

export {
  DEFAULT_ACCEPTANCE_SHEET,
  DEFAULT_EVALUATION_SHEET,
  baseMaxPoints,
  validateScoreSheet,
  type ScoreItem,
  type ScoreSheet,
  type ScoreSheetKind,
  type ScoreSheetProblem,
} from './scoreSheets';

/**
 * Panel scoring and grading (DOMAIN §5). All arithmetic is done on integer tenths of a point,
 * so 69.9 + 0.1 is exactly 70 and boundary grades never drift.
 */
export const EVALUATION_GRADES = ['pass', 'pass_with_revision', 'fail'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];
export const ACCEPTANCE_GRADES = ['accepted', 'rejected'] as const;
export type AcceptanceGrade = (typeof ACCEPTANCE_GRADES)[number];

type Text = Readonly<Record<Locale, string>>;
export const GRADE_LABELS = {
  pass: { 'zh-CN': '通过', en: 'Pass' },
  pass_with_revision: { 'zh-CN': '修改后通过', en: 'Pass after revision' },
  fail: { 'zh-CN': '不通过', en: 'Fail' },
  accepted: { 'zh-CN': '验收合格', en: 'Accepted' },
  rejected: { 'zh-CN': '验收不合格', en: 'Not accepted' },
} as const satisfies Record<EvaluationGrade | AcceptanceGrade, Text>;

export type Aggregate = 'mean' | 'trimmedMean' | 'median';

/** The configured grading rule (configurable defaults of DOMAIN §5). */
export interface GradingRule {
  /** How expert totals combine. trimmedMean drops one highest and one lowest total (plain mean below 3 experts). */
  readonly aggregate: Aggregate;
  readonly evaluation: { readonly failBelow: number; readonly passAtOrAbove: number };
  readonly acceptance: { readonly failBelow: number };
  readonly minPanelSize: number;
  readonly requireOdd: boolean;
}

export const DEFAULT_GRADING_RULE: GradingRule = {
  aggregate: 'mean',
  evaluation: { failBelow: 70, passAtOrAbove: 90 },
  acceptance: { failBelow: 70 },
  minPanelSize: 3,
  requireOdd: true,
};

/**
 * One expert's scores, keyed by item code: points (whole or tenths) for scored and bonus items,
 * a boolean for veto items (`true` = the vetoing condition was found).
 */
export type ExpertScores = Readonly<Record<string, number | boolean>>;

export type ScoreProblem =
  | { code: 'missing' }
  | { code: 'unknownItem' }
  | { code: 'notNumber' }
  | { code: 'outOfRange'; max: number }
  | { code: 'tooPrecise' }
  | { code: 'notBoolean' };

export const SCORE_PROBLEM_MESSAGES = {
  missing: { 'zh-CN': '未评分', en: 'is not scored' },
  unknownItem: { 'zh-CN': '不是评分表中的项目', en: 'is not an item of the score sheet' },
  notNumber: { 'zh-CN': '应为分值', en: 'must be a number of points' },
  outOfRange: { 'zh-CN': '应在 0 至 {max} 分之间', en: 'must be between 0 and {max}' },
  tooPrecise: { 'zh-CN': '最多保留一位小数', en: 'may have at most one decimal' },
  notBoolean: { 'zh-CN': '否决项应选择“是”或“否”', en: 'must be yes or no' },
} as const satisfies Record<ScoreProblem['code'], Text>;

/** Problems keyed by item code (unknown codes are reported under their own key). Empty when valid. */
export function validateExpertScores(
  sheet: ScoreSheet,
  scores: Readonly<Record<string, unknown>>,
): Record<string, ScoreProblem> {
  const errors: Record<string, ScoreProblem> = {};
  const known = new Set(sheet.items.map((i) => i.code));
  for (const item of sheet.items) {
    const value = Object.hasOwn(scores, item.code) ? scores[item.code] : undefined;
    if (value === undefined || value === null) errors[item.code] = { code: 'missing' };
    else if (item.veto) {
      if (typeof value !== 'boolean') errors[item.code] = { code: 'notBoolean' };
    } else if (typeof value !== 'number' || !Number.isFinite(value)) errors[item.code] = { code: 'notNumber' };
    else if (value < 0 || value > item.maxPoints) errors[item.code] = { code: 'outOfRange', max: item.maxPoints };
    else if (!isTenths(value)) errors[item.code] = { code: 'tooPrecise' };
  }
  for (const code of Object.keys(scores)) {
    if (!known.has(code)) errors[code] = { code: 'unknownItem' };
  }
  return errors;
}

function assertValid(sheet: ScoreSheet, scores: ExpertScores): void {
  const errors = Object.entries(validateExpertScores(sheet, scores));
  if (errors.length > 0) {
    const [code, problem] = errors[0] ?? ['', { code: 'missing' }];
    throw new RangeError(`invalid expert scores: item ${code} ${problem.code}`);
  }
}

const toTenths = (points: number): number => Math.round(points * 10);

/** Integer a / b rounded half up (a ≥ 0, b > 0). */
const divRound = (a: number, b: number): number => Math.floor((2 * a + b) / (2 * b));

function totalTenths(sheet: ScoreSheet, scores: ExpertScores): number {
  let sum = 0;
  for (const item of sheet.items) {
    const value = scores[item.code];
    if (!item.veto && typeof value === 'number') sum += toTenths(value);
  }
  return Math.min(sum, toTenths(baseMaxPoints(sheet)));
}

/** One expert's total: base plus bonus points, capped at the base maximum. Throws on invalid scores. */
export function expertTotal(sheet: ScoreSheet, scores: ExpertScores): number {
  assertValid(sheet, scores);
  return totalTenths(sheet, scores) / 10;
}

/** Veto items this expert marked, in sheet order. */
export function expertVetoes(sheet: ScoreSheet, scores: ExpertScores): string[] {
  return sheet.items.filter((i) => i.veto && scores[i.code] === true).map((i) => i.code);
}

/** Combines expert totals (in tenths) into the panel score (in tenths). */
export function aggregateTenths(totals: readonly number[], aggregate: Aggregate): number {
  if (totals.length === 0) throw new RangeError('aggregateTenths: no expert totals');
  const sorted = [...totals].sort((a, b) => a - b);
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  switch (aggregate) {
    case 'mean':
      return divRound(sum(sorted), sorted.length);
    case 'trimmedMean': {
      const kept = sorted.length >= 3 ? sorted.slice(1, -1) : sorted;
      return divRound(sum(kept), kept.length);
    }
    case 'median': {
      const mid = Math.floor(sorted.length / 2);
      const upper = sorted[mid] ?? 0;
      return sorted.length % 2 === 1 ? upper : divRound((sorted[mid - 1] ?? 0) + upper, 2);
    }
  }
}

interface PanelResultBase {
  /** The panel score, rounded half up to one decimal; grades are decided on this rounded score. */
  readonly score: number;
  readonly vetoed: boolean;
  /** Veto items marked by at least one expert, in sheet order. */
  readonly vetoItems: string[];
  readonly expertTotals: number[];
}
export interface EvaluationResult extends PanelResultBase {
  readonly kind: 'evaluation';
  readonly grade: EvaluationGrade;
}
export interface AcceptanceResult extends PanelResultBase {
  readonly kind: 'acceptance';
  readonly grade: AcceptanceGrade;
}

/**
 * The panel's score and grade. Any expert marking a veto item vetoes the result (evaluation: fail;
 * acceptance: rejected). Throws on a sheet of another kind, an empty panel or invalid scores:
 * commands validate first (validateExpertScores, validatePanelSize).
 */
export function panelResult(
  kind: 'evaluation',
  sheet: ScoreSheet,
  expertScores: readonly ExpertScores[],
  rule: GradingRule,
): EvaluationResult;
export function panelResult(
  kind: 'acceptance',
  sheet: ScoreSheet,
  expertScores: readonly ExpertScores[],
  rule: GradingRule,
): AcceptanceResult;
export function panelResult(
  kind: ScoreSheetKind,
  sheet: ScoreSheet,
  expertScores: readonly ExpertScores[],
  rule: GradingRule,
): EvaluationResult | AcceptanceResult {
  if (sheet.kind !== kind) throw new RangeError(`panelResult: a ${sheet.kind} sheet cannot grade ${kind}`);
  if (expertScores.length === 0) throw new RangeError('panelResult: no expert scores');
  for (const scores of expertScores) assertValid(sheet, scores);

  const totals = expertScores.map((scores) => totalTenths(sheet, scores));
  const scoreTenths = aggregateTenths(totals, rule.aggregate);
  const marked = new Set(expertScores.flatMap((scores) => expertVetoes(sheet, scores)));
  const vetoItems = sheet.items.filter((i) => marked.has(i.code)).map((i) => i.code);
  const base = { score: scoreTenths / 10, vetoed: vetoItems.length > 0, vetoItems, expertTotals: totals.map((t) => t / 10) };

  if (kind === 'acceptance') {
    const rejected = base.vetoed || scoreTenths < toTenths(rule.acceptance.failBelow);
    return { kind, ...base, grade: rejected ? 'rejected' : 'accepted' };
  }
  const grade: EvaluationGrade =
    base.vetoed || scoreTenths < toTenths(rule.evaluation.failBelow)
      ? 'fail'
      : scoreTenths >= toTenths(rule.evaluation.passAtOrAbove)
        ? 'pass'
        : 'pass_with_revision';
  return { kind, ...base, grade };
}

export type PanelSizeCheck = { ok: true } | { ok: false; problem: 'notInteger' | 'tooSmall' | 'notOdd'; min: number };

/** Panels are normally an odd number of experts, at least three (configurable). */
export function validatePanelSize(n: number, rule: GradingRule): PanelSizeCheck {
  const min = rule.minPanelSize;
  if (!Number.isInteger(n)) return { ok: false, problem: 'notInteger', min };
  if (n < min) return { ok: false, problem: 'tooSmall', min };
  if (rule.requireOdd && n % 2 === 0) return { ok: false, problem: 'notOdd', min };
  return { ok: true };
}

export type GradingRuleProblem = 'outOfRange' | 'tooPrecise' | 'notInteger' | 'failAbovePass';

/** Field errors of an edited grading rule, keyed by field path (e.g. 'evaluation.failBelow'). */
export function validateGradingRule(rule: GradingRule): Record<string, GradingRuleProblem> {
  const errors: Record<string, GradingRuleProblem> = {};
  const threshold = (path: string, value: number) => {
    if (!Number.isFinite(value) || value < 0 || value > 100) errors[path] = 'outOfRange';
    else if (!isTenths(value)) errors[path] = 'tooPrecise';
  };
  threshold('evaluation.failBelow', rule.evaluation.failBelow);
  threshold('evaluation.passAtOrAbove', rule.evaluation.passAtOrAbove);
  threshold('acceptance.failBelow', rule.acceptance.failBelow);
  if (!errors['evaluation.failBelow'] && !errors['evaluation.passAtOrAbove']) {
    if (rule.evaluation.failBelow > rule.evaluation.passAtOrAbove) errors['evaluation.passAtOrAbove'] = 'failAbovePass';
  }
  if (!Number.isInteger(rule.minPanelSize)) errors.minPanelSize = 'notInteger';
  else if (rule.minPanelSize < 1 || rule.minPanelSize > 15) errors.minPanelSize = 'outOfRange';
  return errors;
}
