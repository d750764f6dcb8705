import type { Locale } from '../i18n/locales';
import type { DeadlineKind } from './deadlines';

/**
 * Enforcement under the Cleaner Production Promotion Law (清洁生产促进法, 2012) and the Audit Measures
 * (清洁生产审核办法, NDRC/MEE Order 38, 2016), DOMAIN §6: violation types, the articles that punish them,
 * the measures and the fine ranges, as data. Penalties feed the credit records and the disclosure scope.
 */

type Text = Readonly<Record<Locale, string>>;

export const VIOLATION_TYPES = ['not_audited', 'not_disclosed', 'falsified', 'not_reported_truthfully', 'other'] as const;
export type ViolationType = (typeof VIOLATION_TYPES)[number];

export const VIOLATION_TYPE_LABELS = {
  not_audited: { 'zh-CN': '不实施强制性清洁生产审核', en: 'Did not carry out the mandatory audit' },
  not_disclosed: { 'zh-CN': '未按规定公布信息', en: 'Did not disclose the required information' },
  falsified: { 'zh-CN': '审核中弄虚作假', en: 'Falsified the audit' },
  not_reported_truthfully: { 'zh-CN': '不报告或不如实报告审核结果', en: 'Did not report the audit result truthfully' },
  other: { 'zh-CN': '其他违法行为', en: 'Other violation' },
} as const satisfies Record<ViolationType, Text>;

export const MEASURES = ['order_correction', 'fine', 'order_correction_fine', 'other'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABELS = {
  order_correction: { 'zh-CN': '责令限期改正', en: 'Order to correct within a time limit' },
  fine: { 'zh-CN': '罚款', en: 'Fine' },
  order_correction_fine: { 'zh-CN': '责令改正并处罚款', en: 'Order to correct and fine' },
  other: { 'zh-CN': '其他措施', en: 'Other measure' },
} as const satisfies Record<Measure, Text>;

/** Measures that impose a fine (a penalty: 依法处罚). */
export const FINE_MEASURES: readonly Measure[] = ['fine', 'order_correction_fine'];
export const isPenalty = (measure: Measure): boolean => FINE_MEASURES.includes(measure);

export const CASE_STATUSES = ['open', 'decided', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS = {
  open: { 'zh-CN': '办理中', en: 'Open' },
  decided: { 'zh-CN': '已作出决定', en: 'Decided' },
  closed: { 'zh-CN': '已结案', en: 'Closed' },
} as const satisfies Record<CaseStatus, Text>;

/** A fine range in yuan; `min` 0 means "up to `max`" (any positive amount). */
export interface FineRange {
  readonly min: number;
  readonly max: number;
}

/**
 * Law Art. 39 / Measures Art. 37: not auditing, falsifying, not reporting (truthfully): order to correct within
 * a time limit; refusing to correct: a fine of ¥50,000–500,000. Law Art. 36 / Measures Art. 36: not disclosing:
 * order to disclose, and a fine of up to ¥100,000.
 */
export const AUDIT_FINE: FineRange = { min: 50_000, max: 500_000 };
export const DISCLOSURE_FINE: FineRange = { min: 0, max: 100_000 };

export interface LegalBasis {
  readonly label: Text;
  /** The violations this article punishes. */
  readonly violations: readonly ViolationType[];
  /** The measures it allows. */
  readonly measures: readonly Measure[];
  /** The fine range, when a fine may be imposed under it. */
  readonly fine: FineRange | null;
  /** A fine only after an order to correct was disregarded (拒不改正的，处以罚款). */
  readonly fineAfterOrder: boolean;
  /** A penalty under this basis puts the enterprise in the mandatory disclosure scope (Measures). */
  readonly disclosureScope: boolean;
}

const AUDIT_VIOLATIONS = ['not_audited', 'falsified', 'not_reported_truthfully'] as const satisfies readonly ViolationType[];

/** The catalogue of legal bases (articles of the Law and the Measures). */
export const LEGAL_BASES = {
  law_art36: {
    label: { 'zh-CN': '《清洁生产促进法》第三十六条', en: 'Cleaner Production Promotion Law, Art. 36' },
    violations: ['not_disclosed'],
    measures: ['order_correction', 'fine', 'order_correction_fine'],
    fine: DISCLOSURE_FINE,
    fineAfterOrder: false,
    disclosureScope: true,
  },
  law_art39: {
    label: { 'zh-CN': '《清洁生产促进法》第三十九条', en: 'Cleaner Production Promotion Law, Art. 39' },
    violations: AUDIT_VIOLATIONS,
    measures: ['order_correction', 'fine'],
    fine: AUDIT_FINE,
    fineAfterOrder: true,
    disclosureScope: true,
  },
  measures_art36: {
    label: { 'zh-CN': '《清洁生产审核办法》第三十六条', en: 'Cleaner Production Audit Measures, Art. 36' },
    violations: ['not_disclosed'],
    measures: ['order_correction', 'fine', 'order_correction_fine'],
    fine: DISCLOSURE_FINE,
    fineAfterOrder: false,
    disclosureScope: true,
  },
  measures_art37: {
    label: { 'zh-CN': '《清洁生产审核办法》第三十七条', en: 'Cleaner Production Audit Measures, Art. 37' },
    violations: AUDIT_VIOLATIONS,
    measures: ['order_correction', 'fine'],
    fine: AUDIT_FINE,
    fineAfterOrder: true,
    disclosureScope: true,
  },
  other: {
    label: { 'zh-CN': '其他法律法规', en: 'Other laws and regulations' },
    violations: VIOLATION_TYPES,
    measures: MEASURES,
    fine: null,
    fineAfterOrder: false,
    disclosureScope: false,
  },
} as const satisfies Record<string, LegalBasis>;
export type LegalBasisCode = keyof typeof LEGAL_BASES;
export const LEGAL_BASIS_CODES = Object.keys(LEGAL_BASES) as [LegalBasisCode, ...LegalBasisCode[]];

export const legalBasis = (code: LegalBasisCode): LegalBasis => LEGAL_BASES[code];

/** The default basis for a violation type (the form pre-selects it). */
export function defaultLegalBasis(violation: ViolationType): LegalBasisCode {
  if (violation === 'not_disclosed') return 'measures_art36';
  if (violation === 'other') return 'other';
  return 'measures_art37';
}

export interface CaseFacts {
  violationType: ViolationType;
  legalBasis: LegalBasisCode;
  measure: Measure;
  fineAmount: number | null;
}

/** A problem of a case against the catalogue: the field and its message key (see CASE_PROBLEM_TEXTS). */
export type CaseProblem =
  | { field: 'legalBasis'; code: 'basisNotForViolation' }
  | { field: 'measure'; code: 'measureNotAllowed' }
  | { field: 'fineAmount'; code: 'fineRequired' | 'fineNotAllowed' | 'fineOutOfRange'; range?: FineRange };

/**
 * Check a case's violation, basis, measure and fine against the catalogue (pure; the service maps to 400).
 * A draft (open case) may leave the fine of a penalty empty; the decision (`forDecision`) needs it.
 */
export function caseProblems(c: CaseFacts, forDecision = false): CaseProblem[] {
  const basis = legalBasis(c.legalBasis);
  const problems: CaseProblem[] = [];
  if (!basis.violations.includes(c.violationType)) problems.push({ field: 'legalBasis', code: 'basisNotForViolation' });
  if (!basis.measures.includes(c.measure)) problems.push({ field: 'measure', code: 'measureNotAllowed' });
  if (isPenalty(c.measure)) {
    if (c.fineAmount === null) {
      if (forDecision) problems.push({ field: 'fineAmount', code: 'fineRequired' });
    }
    else if (basis.fine && (c.fineAmount < basis.fine.min || c.fineAmount > basis.fine.max || c.fineAmount <= 0)) {
      problems.push({ field: 'fineAmount', code: 'fineOutOfRange', range: basis.fine });
    }
  } else if (c.fineAmount !== null) {
    problems.push({ field: 'fineAmount', code: 'fineNotAllowed' });
  }
  return problems;
}

const yuan = (n: number) => n.toLocaleString('en-US');

export function caseProblemText(p: CaseProblem, locale: Locale): string {
  const zh = locale === 'zh-CN';
  switch (p.code) {
    case 'basisNotForViolation':
      return zh ? '所选法律依据不适用于该违法类型' : 'does not apply to this violation type';
    case 'measureNotAllowed':
      return zh ? '所选法律依据不允许该处理措施' : 'is not allowed under the chosen legal basis';
    case 'fineRequired':
      return zh ? '作出罚款决定前须填写罚款金额' : 'is required before a fine is decided';
    case 'fineNotAllowed':
      return zh ? '该处理措施不含罚款，不应填写罚款金额' : 'must be empty: the measure imposes no fine';
    case 'fineOutOfRange': {
      const r = p.range ?? { min: 0, max: 0 };
      if (r.min > 0) return zh ? `应在 ${yuan(r.min)} 元至 ${yuan(r.max)} 元之间` : `must be between ¥${yuan(r.min)} and ¥${yuan(r.max)}`;
      return zh ? `不得超过 ${yuan(r.max)} 元` : `must not exceed ¥${yuan(r.max)}`;
    }
  }
}

/** Which violation an overdue deadline is: late disclosure is 未按规定公布; the audit deadlines are 不实施审核. */
export function violationForDeadline(kind: DeadlineKind): ViolationType {
  return kind === 'disclose' ? 'not_disclosed' : 'not_audited';
}

/** The statutory next steps for an overdue round (DOMAIN §3, §6): order to correct → penalty → rollover. */
export const ENFORCEMENT_STEPS = ['orderCorrection', 'penalty', 'rollover'] as const;
export type EnforcementStep = (typeof ENFORCEMENT_STEPS)[number];

export const ENFORCEMENT_STEP_LABELS = {
  orderCorrection: { 'zh-CN': '责令限期改正', en: 'Order to correct within a time limit' },
  penalty: { 'zh-CN': '依法处罚', en: 'Penalty under the law' },
  rollover: { 'zh-CN': '滚动纳入下一年度名单', en: "Roll over into next year's list" },
} as const satisfies Record<EnforcementStep, Text>;

/** What the round's existing cases say, for the suggestion rule. */
export interface RoundCaseFacts {
  /** Any case of the round (open or decided) whose measure is an order to correct, not a fine. */
  orderOpen: boolean;
  /** The latest decided order's correction deadline ('' when decided without one); null: no decided order. */
  orderDecidedDue: string | null;
  /** A penalty case of the round exists but is not decided yet. */
  penaltyOpen: boolean;
  /** The decision date of the latest decided penalty of the round; null: none. */
  penaltyDecidedOn: string | null;
}

/**
 * The next step for an overdue round, derived from its cases (the SQL of the work list implements the same
 * rule; the unit test pins it): no case → order to correct; an order decided and its correction deadline passed
 * (or none set) → penalty; a penalty decided and the round still unfinished after the end of that year →
 * rollover into next year's list. null: a step is under way (an open case, a correction period running, or a
 * penalty decided this year).
 */
export function suggestedStep(f: RoundCaseFacts, todayIso: string): EnforcementStep | null {
  if (f.penaltyDecidedOn) return todayIso.slice(0, 4) > f.penaltyDecidedOn.slice(0, 4) ? 'rollover' : null;
  if (f.penaltyOpen) return null;
  if (f.orderDecidedDue !== null) return f.orderDecidedDue === '' || f.orderDecidedDue < todayIso ? 'penalty' : null;
  if (f.orderOpen) return null;
  return 'orderCorrection';
}

/**
 * The positive credit rule: CP level (I级 international leading) is not recorded by the acceptance opinion,
 * so a round accepted with a panel score at or above this threshold is taken as the notable result
 * ("验收优秀"). DOMAIN §5: provinces use ≥ 80 to recommend model enterprises; ≥ 90 is the top grade band.
 */
export const POSITIVE_CREDIT_MIN_SCORE = 90;

/** Credit record kinds. */
export const CREDIT_KINDS = ['negative', 'positive'] as const;
export type CreditKind = (typeof CREDIT_KINDS)[number];
export const CREDIT_KIND_LABELS = {
  negative: { 'zh-CN': '失信（负面）', en: 'Negative' },
  positive: { 'zh-CN': '守信（正面）', en: 'Positive' },
} as const satisfies Record<CreditKind, Text>;

export const CREDIT_SOURCES = ['enforcement_case', 'acceptance_result'] as const;
export type CreditSource = (typeof CREDIT_SOURCES)[number];
export const CREDIT_SOURCE_LABELS = {
  enforcement_case: { 'zh-CN': '执法案件', en: 'Enforcement case' },
  acceptance_result: { 'zh-CN': '验收结果', en: 'Acceptance result' },
} as const satisfies Record<CreditSource, Text>;

/** The description of a decided case's credit record. */
export function caseCreditDescription(
  c: { violationType: ViolationType; legalBasis: LegalBasisCode; measure: Measure; fineAmount: number | null; decisionNo: string; bureau: Text },
  locale: Locale,
): string {
  const zh = locale === 'zh-CN';
  const basis = legalBasis(c.legalBasis).label[locale];
  const measure = MEASURE_LABELS[c.measure][locale];
  const fine = c.fineAmount === null ? '' : zh ? `，罚款 ${yuan(c.fineAmount)} 元` : `, fine ¥${yuan(c.fineAmount)}`;
  return zh
    ? `${VIOLATION_TYPE_LABELS[c.violationType]['zh-CN']}：${c.bureau['zh-CN']}依据${basis}作出${measure}决定（${c.decisionNo}）${fine}`
    : `${VIOLATION_TYPE_LABELS[c.violationType].en}: ${measure} by ${c.bureau.en} under ${basis} (${c.decisionNo})${fine}`;
}

export function resultCreditDescription(r: { listingYear: number; score: number }, locale: Locale): string {
  return locale === 'zh-CN'
    ? `${r.listingYear}年度清洁生产审核验收合格，专家组评分 ${r.score.toFixed(1)} 分（优秀）`
    : `${r.listingYear} cleaner production audit accepted with a panel score of ${r.score.toFixed(1)} (excellent)`;
}

/** The credit feed's stable column names (CSV header and .xlsx second header row), in order. */
export const CREDIT_FEED_COLUMNS = [
  'record_id',
  'enterprise_name',
  'credit_code',
  'district_code',
  'district_name',
  'kind',
  'source',
  'recorded_on',
  'period_year',
  'violation_type',
  'legal_basis',
  'measure',
  'fine_amount_yuan',
  'decision_no',
  'round_listing_year',
  'description_zh',
  'description_en',
] as const;
export type CreditFeedColumn = (typeof CREDIT_FEED_COLUMNS)[number];
