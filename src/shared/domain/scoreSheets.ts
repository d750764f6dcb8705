import type { Locale } from '../i18n/locales';

/**
 * Expert score sheets (评分表) are data: an administrator edits them and every edit makes a new
 * version; a review keeps the sheet id and version it was scored on. The defaults follow the
 * spirit of the Evaluation & Acceptance Guide (环办科技〔2018〕5号).
 */
export type ScoreSheetKind = 'evaluation' | 'acceptance';

export interface ScoreItem {
  /** Stable within a sheet; the key of the item in an expert's scores. */
  readonly code: string;
  readonly label: Readonly<Record<Locale, string>>;
  /**
   * Points available. Veto items carry 0: they are scored true/false, where `true` means the
   * vetoing condition was found (the item fails), which vetoes the whole panel result.
   */
  readonly maxPoints: number;
  readonly veto: boolean;
  /** Bonus points are added on top of the base items; the total is capped at the base maximum. */
  readonly bonus: boolean;
}

export interface ScoreSheet {
  readonly id: string;
  readonly version: number;
  readonly kind: ScoreSheetKind;
  readonly items: readonly ScoreItem[];
}

const scored = (code: string, zh: string, en: string, maxPoints: number): ScoreItem => ({
  code,
  label: { 'zh-CN': zh, en },
  maxPoints,
  veto: false,
  bonus: false,
});
const bonus = (code: string, zh: string, en: string, maxPoints: number): ScoreItem => ({
  code,
  label: { 'zh-CN': zh, en },
  maxPoints,
  veto: false,
  bonus: true,
});
const veto = (code: string, zh: string, en: string): ScoreItem => ({
  code,
  label: { 'zh-CN': zh, en },
  maxPoints: 0,
  veto: true,
  bonus: false,
});

export const DEFAULT_EVALUATION_SHEET: ScoreSheet = {
  id: 'default-evaluation',
  version: 1,
  kind: 'evaluation',
  items: [
    scored('process_authenticity', '审核过程真实性', 'Authenticity of the audit process', 15),
    scored('focus_and_targets', '审核重点与目标合理性', 'Soundness of the audit focus and targets', 15),
    scored('balances', '物料、能源、水平衡测试与分析', 'Material, energy and water balances', 15),
    scored('low_cost_options', '无/低费方案实施情况', 'Implementation of no/low-cost options', 20),
    scored('high_cost_feasibility', '中/高费方案可行性分析', 'Feasibility analysis of medium/high-cost options', 20),
    scored('report_quality', '审核报告编制规范性', 'Form and quality of the audit report', 15),
    bonus('advanced_technology', '采用国际或国内先进清洁生产技术', 'Adopts leading cleaner production technology', 5),
    veto('falsification', '存在弄虚作假行为', 'Falsified data or documents'),
    veto(
      'major_violation',
      '审核期间发生重大环境违法行为或突发环境事件',
      'Major environmental violation or incident during the audit',
    ),
  ],
};

export const DEFAULT_ACCEPTANCE_SHEET: ScoreSheet = {
  id: 'default-acceptance',
  version: 1,
  kind: 'acceptance',
  items: [
    scored('high_cost_implementation', '中/高费方案实施情况', 'Implementation of medium/high-cost options', 25),
    scored('targets_achieved', '清洁生产目标达成情况', 'Cleaner production targets met', 25),
    scored('performance_verified', '绩效核实（监测报告等）', 'Verified performance (monitoring reports)', 20),
    scored('cp_level', '清洁生产水平（行业指标体系）', 'Cleaner production level (industry indicators)', 15),
    scored('continuous_mechanism', '持续清洁生产机制', 'Mechanism for continuous cleaner production', 15),
    veto(
      'unrectified_violation',
      '审核期间存在环境违法行为且未整改',
      'Environmental violation during the audit not rectified',
    ),
    veto('false_monitoring', '监测数据不真实', 'Monitoring data not genuine'),
  ],
};

export type ScoreSheetProblem =
  | { code: 'noItems' }
  | { code: 'duplicateCode'; item: string }
  | { code: 'badPoints'; item: string }
  | { code: 'vetoWithPoints'; item: string }
  | { code: 'vetoBonus'; item: string }
  | { code: 'baseTotal'; expected: number; actual: number };

/** Points are whole or in tenths. */
export function isTenths(n: number): boolean {
  return Number.isFinite(n) && Math.abs(Math.round(n * 10) - n * 10) < 1e-6;
}

/** The maximum of the base (non-bonus, non-veto) items: the cap of an expert's total. */
export function baseMaxPoints(sheet: ScoreSheet): number {
  const tenths = sheet.items.filter((i) => !i.veto && !i.bonus).reduce((sum, i) => sum + Math.round(i.maxPoints * 10), 0);
  return tenths / 10;
}

/** Checks a sheet an administrator edits: unique codes, sensible points, base items summing to `baseTotal`. */
export function validateScoreSheet(sheet: ScoreSheet, baseTotal = 100): ScoreSheetProblem[] {
  const problems: ScoreSheetProblem[] = [];
  if (sheet.items.length === 0) return [{ code: 'noItems' }];
  const seen = new Set<string>();
  for (const item of sheet.items) {
    if (seen.has(item.code)) problems.push({ code: 'duplicateCode', item: item.code });
    seen.add(item.code);
    if (item.veto) {
      if (item.maxPoints !== 0) problems.push({ code: 'vetoWithPoints', item: item.code });
      if (item.bonus) problems.push({ code: 'vetoBonus', item: item.code });
    } else if (!(item.maxPoints > 0) || !isTenths(item.maxPoints)) {
      problems.push({ code: 'badPoints', item: item.code });
    }
  }
  const actual = baseMaxPoints(sheet);
  if (actual !== baseTotal) problems.push({ code: 'baseTotal', expected: baseTotal, actual });
  return problems;
}
