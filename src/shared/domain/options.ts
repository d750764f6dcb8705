import type { Locale } from '../i18n/locales';

/**
 * Cleaner production options (清洁生产方案, DOMAIN §4): categories, directions, statuses, the benefit
 * indicators with their units, and the pure parts of the quality rules and evaluation/acceptance guards.
 */
type Text = Readonly<Record<Locale, string>>;

export const OPTION_CATEGORIES = ['low_cost', 'high_cost'] as const;
export type OptionCategory = (typeof OPTION_CATEGORIES)[number];
export const OPTION_CATEGORY_LABELS = {
  low_cost: { 'zh-CN': '无/低费', en: 'No/low-cost' },
  high_cost: { 'zh-CN': '中/高费', en: 'Medium/high-cost' },
} as const satisfies Record<OptionCategory, Text>;

export const OPTION_DIRECTIONS = [
  'raw_materials',
  'technology',
  'equipment',
  'process_control',
  'product',
  'waste_reuse',
  'management',
  'staff',
] as const;
export type OptionDirection = (typeof OPTION_DIRECTIONS)[number];
export const OPTION_DIRECTION_LABELS = {
  raw_materials: { 'zh-CN': '原辅材料和能源', en: 'Raw materials and energy' },
  technology: { 'zh-CN': '技术工艺', en: 'Technology and process' },
  equipment: { 'zh-CN': '设备', en: 'Equipment' },
  process_control: { 'zh-CN': '过程控制', en: 'Process control' },
  product: { 'zh-CN': '产品', en: 'Product' },
  waste_reuse: { 'zh-CN': '废弃物回收利用', en: 'Waste reuse' },
  management: { 'zh-CN': '管理', en: 'Management' },
  staff: { 'zh-CN': '员工', en: 'Staff' },
} as const satisfies Record<OptionDirection, Text>;

export const OPTION_STATUSES = ['proposed', 'implementing', 'implemented', 'dropped'] as const;
export type OptionStatus = (typeof OPTION_STATUSES)[number];
export const OPTION_STATUS_LABELS = {
  proposed: { 'zh-CN': '已提出', en: 'Proposed' },
  implementing: { 'zh-CN': '实施中', en: 'Implementing' },
  implemented: { 'zh-CN': '已实施', en: 'Implemented' },
  dropped: { 'zh-CN': '已放弃', en: 'Dropped' },
} as const satisfies Record<OptionStatus, Text>;

/**
 * Allowed status changes: proposed → implementing → implemented | dropped (an option may also be
 * implemented or dropped straight away); corrections step back one stage.
 */
const STATUS_CHANGES: Readonly<Record<OptionStatus, readonly OptionStatus[]>> = {
  proposed: ['implementing', 'implemented', 'dropped'],
  implementing: ['proposed', 'implemented', 'dropped'],
  implemented: ['implementing'],
  dropped: ['proposed'],
};

export function statusChangeAllowed(from: OptionStatus, to: OptionStatus): boolean {
  return from === to || STATUS_CHANGES[from].includes(to);
}

export const FEASIBILITY_CONCLUSIONS = ['feasible', 'not_feasible'] as const;
export type FeasibilityConclusion = (typeof FEASIBILITY_CONCLUSIONS)[number];
export const FEASIBILITY_LABELS = {
  feasible: { 'zh-CN': '可行', en: 'Feasible' },
  not_feasible: { 'zh-CN': '不可行', en: 'Not feasible' },
} as const satisfies Record<FeasibilityConclusion, Text>;

/** Benefit indicators (DOMAIN §4) with their units; heavy metals are counted in kg/年. */
export const BENEFIT_INDICATORS = [
  'economic',
  'energy',
  'electricity',
  'water',
  'wastewater',
  'cod',
  'nh3n',
  'tn',
  'tp',
  'so2',
  'nox',
  'particulates',
  'vocs',
  'heavyMetals',
  'hazardousWaste',
  'solidWaste',
  'co2',
] as const;
export type BenefitIndicator = (typeof BENEFIT_INDICATORS)[number];

const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });
export const BENEFIT_LABELS: Readonly<Record<BenefitIndicator, { label: Text; unit: Text }>> = {
  economic: { label: t('经济效益', 'Economic benefit'), unit: t('万元/年', '10k CNY/yr') },
  energy: { label: t('节能', 'Energy saved'), unit: t('吨标煤/年', 'tce/yr') },
  electricity: { label: t('节电', 'Electricity saved'), unit: t('万kWh/年', '10k kWh/yr') },
  water: { label: t('节水', 'Water saved'), unit: t('吨/年', 't/yr') },
  wastewater: { label: t('废水减排', 'Wastewater reduced'), unit: t('吨/年', 't/yr') },
  cod: { label: t('COD减排', 'COD reduced'), unit: t('吨/年', 't/yr') },
  nh3n: { label: t('氨氮减排', 'NH3-N reduced'), unit: t('吨/年', 't/yr') },
  tn: { label: t('总氮减排', 'TN reduced'), unit: t('吨/年', 't/yr') },
  tp: { label: t('总磷减排', 'TP reduced'), unit: t('吨/年', 't/yr') },
  so2: { label: t('SO2减排', 'SO2 reduced'), unit: t('吨/年', 't/yr') },
  nox: { label: t('NOx减排', 'NOx reduced'), unit: t('吨/年', 't/yr') },
  particulates: { label: t('颗粒物减排', 'Particulates reduced'), unit: t('吨/年', 't/yr') },
  vocs: { label: t('VOCs减排', 'VOCs reduced'), unit: t('吨/年', 't/yr') },
  heavyMetals: { label: t('重金属减排', 'Heavy metals reduced'), unit: t('千克/年', 'kg/yr') },
  hazardousWaste: { label: t('危险废物减量', 'Hazardous waste reduced'), unit: t('吨/年', 't/yr') },
  solidWaste: { label: t('一般固废减量', 'Solid waste reduced'), unit: t('吨/年', 't/yr') },
  co2: { label: t('CO2减排', 'CO2 reduced'), unit: t('吨/年', 't/yr') },
};

/** Benefits per indicator (non-negative); a missing indicator is "not quantified". */
export type Benefits = Partial<Record<BenefitIndicator, number>>;
/** The upper bound accepted for any benefit figure, investment or baseline value. */
export const MAX_FIGURE = 1e10;
/** A round holds at most this many options. */
export const MAX_OPTIONS_PER_ROUND = 500;

/** The round's declared annual consumption (entered by the enterprise): the yardstick of plausibility. */
export interface RoundBaseline {
  energyTce: number | null;
  electricity10kKwh: number | null;
  waterTonnes: number | null;
}
export const BASELINE_FIELDS = ['energyTce', 'electricity10kKwh', 'waterTonnes'] as const;
export type BaselineField = (typeof BASELINE_FIELDS)[number];
export const BASELINE_LABELS = {
  energyTce: { label: t('年综合能耗', 'Annual energy use'), unit: t('吨标煤', 'tce') },
  electricity10kKwh: { label: t('年用电量', 'Annual electricity use'), unit: t('万kWh', '10k kWh') },
  waterTonnes: { label: t('年用水量', 'Annual water use'), unit: t('吨', 't') },
} as const satisfies Record<BaselineField, { label: Text; unit: Text }>;
/** Which baseline value bounds which saving. */
export const BASELINE_OF = { energy: 'energyTce', electricity: 'electricity10kKwh', water: 'waterTonnes' } as const satisfies Partial<
  Record<BenefitIndicator, BaselineField>
>;

// --- quality rules (data, one row per rule per city) ---

export const OPTION_RULE_CODES = [
  'lowCostNoBenefit',
  'highCostIncomplete',
  'implausibleBenefit',
  'tooFewOptions',
  'similarTexts',
] as const;
export type OptionRuleCode = (typeof OPTION_RULE_CODES)[number];

export interface OptionRuleParams {
  lowCostNoBenefit: Record<string, never>;
  highCostIncomplete: Record<string, never>;
  /** A saving larger than `maxShare` × the declared consumption is implausible (1 = the whole consumption). */
  implausibleBenefit: { maxShare: number };
  /** The minimum number of options (dropped ones not counted). */
  tooFewOptions: { minOptions: number };
  /** Character shingles of `shingleSize`; a Jaccard similarity ≥ `threshold` is "near-identical". */
  similarTexts: { threshold: number; shingleSize: number };
}
export type OptionRules = { [K in OptionRuleCode]: { enabled: boolean; params: OptionRuleParams[K] } };

/** Parameter bounds (validated by the contracts). */
export const OPTION_RULE_LIMITS = {
  maxShare: { min: 0.01, max: 10 },
  minOptions: { min: 0, max: MAX_OPTIONS_PER_ROUND },
  threshold: { min: 0.3, max: 1 },
  shingleSize: { min: 1, max: 5 },
} as const;

/** The rules in force when a city has not edited them (configurable defaults). */
export const DEFAULT_OPTION_RULES: OptionRules = {
  lowCostNoBenefit: { enabled: true, params: {} },
  highCostIncomplete: { enabled: true, params: {} },
  implausibleBenefit: { enabled: true, params: { maxShare: 1 } },
  tooFewOptions: { enabled: true, params: { minOptions: 5 } },
  similarTexts: { enabled: true, params: { threshold: 0.8, shingleSize: 2 } },
};

export const OPTION_RULE_LABELS = {
  lowCostNoBenefit: t('无/低费方案未量化效益', 'No/low-cost option without a quantified benefit'),
  highCostIncomplete: t('中/高费方案缺少投资额或可行性分析结论', 'Medium/high-cost option without investment or feasibility conclusion'),
  implausibleBenefit: t('效益超出企业申报的年消耗量（不合理）', 'Benefit larger than the declared annual consumption (implausible)'),
  tooFewOptions: t('方案数量少于规定的最低数量', 'Fewer options than the configured minimum'),
  similarTexts: t('方案内容高度雷同', 'Near-identical option texts'),
} as const satisfies Record<OptionRuleCode, Text>;

/** The option fields the rules and guards look at. */
export interface RuleOption {
  id: string;
  seq: number;
  optionName: string;
  description: string | null;
  category: OptionCategory;
  status: OptionStatus;
  dropReason: string | null;
  investment: number | null;
  feasibility: FeasibilityConclusion | null;
  predicted: Benefits;
  actual: Benefits;
}

export interface OptionWarning {
  code: OptionRuleCode;
  optionId: string | null;
  text: Text;
}

const fmt = (n: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 4 }).format(n);
/** A text built for both languages. */
export const both = (f: (l: Locale) => string): Text => ({ 'zh-CN': f('zh-CN'), en: f('en') });
/** "第3项方案“…”" / 'option 3 "…"'. */
export const optionRef = (o: Pick<RuleOption, 'seq' | 'optionName'>, l: Locale) =>
  l === 'zh-CN' ? `第${o.seq}项方案“${o.optionName}”` : `option ${o.seq} "${o.optionName}"`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const hasFigure = (b: Benefits) => Object.values(b).some((v) => typeof v === 'number' && v > 0);
/** The options that count: every one not dropped. */
export const live = (options: readonly RuleOption[]) => options.filter((o) => o.status !== 'dropped');

/** Text normalised for comparison: lower case, without white space, punctuation and symbols. */
export function normaliseText(text: string): string {
  return text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The set of character shingles of length `size` (a text shorter than `size` is one shingle). */
export function shingles(text: string, size: number): Set<string> {
  const chars = Array.from(normaliseText(text));
  const out = new Set<string>();
  if (chars.length === 0) return out;
  if (chars.length <= size) {
    out.add(chars.join(''));
    return out;
  }
  for (let i = 0; i + size <= chars.length; i += 1) out.add(chars.slice(i, i + size).join(''));
  return out;
}

/** Jaccard similarity |A∩B| / |A∪B| (two empty sets: 0, nothing to compare). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let common = 0;
  for (const s of a) if (b.has(s)) common += 1;
  return common / (a.size + b.size - common);
}

const optionText = (o: RuleOption) => `${o.optionName} ${o.description ?? ''}`;

function lowCostNoBenefit(options: readonly RuleOption[]): OptionWarning[] {
  return live(options)
    .filter((o) => o.category === 'low_cost' && !hasFigure(o.predicted) && !hasFigure(o.actual))
    .map((o) => ({
      code: 'lowCostNoBenefit',
      optionId: o.id,
      text: both((l) =>
        l === 'zh-CN' ? `${optionRef(o, l)}（无/低费）未量化任何效益` : `No/low-cost ${optionRef(o, l)} has no quantified benefit`,
      ),
    }));
}

function highCostIncomplete(options: readonly RuleOption[]): OptionWarning[] {
  const out: OptionWarning[] = [];
  for (const o of live(options)) {
    if (o.category !== 'high_cost') continue;
    const missing: Text[] = [];
    if (!(o.investment !== null && o.investment > 0)) missing.push(t('投资额', 'investment'));
    if (o.feasibility === null) missing.push(t('可行性分析结论', 'feasibility conclusion'));
    if (!missing.length) continue;
    out.push({
      code: 'highCostIncomplete',
      optionId: o.id,
      text: both((l) =>
        l === 'zh-CN'
          ? `${optionRef(o, l)}（中/高费）缺少${missing.map((m) => m[l]).join('、')}`
          : `Medium/high-cost ${optionRef(o, l)} lacks ${missing.map((m) => m[l]).join(' and ')}`,
      ),
    });
  }
  return out;
}

function implausibleBenefit(options: readonly RuleOption[], baseline: RoundBaseline, maxShare: number): OptionWarning[] {
  const out: OptionWarning[] = [];
  for (const [indicator, field] of Object.entries(BASELINE_OF) as [keyof typeof BASELINE_OF, BaselineField][]) {
    const declared = baseline[field];
    if (declared === null) continue;
    const limit = declared * maxShare;
    const labels = BENEFIT_LABELS[indicator];
    const bound = (l: Locale) =>
      `${maxShare === 1 ? '' : l === 'zh-CN' ? `${fmt(maxShare * 100, l)}% × ` : `${fmt(maxShare * 100, l)}% of `}` +
      `${l === 'zh-CN' ? '本轮申报的' : 'the declared '}${l === 'zh-CN' ? BASELINE_LABELS[field].label[l] : BASELINE_LABELS[field].label[l].toLowerCase()} ${fmt(declared, l)} ${BASELINE_LABELS[field].unit[l]}`;
    let optionFlagged = false;
    for (const o of live(options)) {
      const value = Math.max(o.predicted[indicator] ?? 0, o.actual[indicator] ?? 0);
      if (value <= limit) continue;
      optionFlagged = true;
      out.push({
        code: 'implausibleBenefit',
        optionId: o.id,
        text: both((l) =>
          l === 'zh-CN'
            ? `${optionRef(o, l)}的${labels.label[l]} ${fmt(value, l)} ${labels.unit[l]}，超过${bound(l)}`
            : `${capital(optionRef(o, l))}: ${labels.label[l]} ${fmt(value, l)} ${labels.unit[l]} exceeds ${bound(l)}`,
        ),
      });
    }
    if (optionFlagged) continue;
    for (const kind of ['predicted', 'actual'] as const) {
      const total = live(options).reduce((sum, o) => sum + (o[kind][indicator] ?? 0), 0);
      if (total <= limit) continue;
      const which = kind === 'predicted' ? t('预期', 'predicted') : t('实际', 'actual');
      out.push({
        code: 'implausibleBenefit',
        optionId: null,
        text: both((l) =>
          l === 'zh-CN'
            ? `全部方案${which[l]}${labels.label[l]}合计 ${fmt(total, l)} ${labels.unit[l]}，超过${bound(l)}`
            : `The ${which[l]} ${labels.label[l].toLowerCase()} of all options, ${fmt(total, l)} ${labels.unit[l]}, exceeds ${bound(l)}`,
        ),
      });
    }
  }
  return out;
}

function tooFewOptions(options: readonly RuleOption[], minOptions: number): OptionWarning[] {
  const count = live(options).length;
  if (count >= minOptions) return [];
  return [
    {
      code: 'tooFewOptions',
      optionId: null,
      text: both((l) =>
        l === 'zh-CN'
          ? `本轮仅有 ${count} 项方案（不含已放弃），少于规定的 ${minOptions} 项`
          : `The round has ${count} options (dropped ones excluded), fewer than the required ${minOptions}`,
      ),
    },
  ];
}

function similarTexts(options: readonly RuleOption[], threshold: number, size: number): OptionWarning[] {
  const list = [...live(options)].sort((a, b) => a.seq - b.seq);
  const sets = list.map((o) => shingles(optionText(o), size));
  const out: OptionWarning[] = [];
  for (let j = 1; j < list.length; j += 1) {
    for (let i = 0; i < j; i += 1) {
      const similarity = jaccard(sets[i] as Set<string>, sets[j] as Set<string>);
      if (similarity < threshold) continue;
      const [a, b] = [list[i] as RuleOption, list[j] as RuleOption];
      const pct = Math.round(similarity * 100);
      out.push({
        code: 'similarTexts',
        optionId: b.id,
        text: both((l) =>
          l === 'zh-CN'
            ? `${optionRef(b, l)}与${optionRef(a, l)}内容高度相似（相似度 ${pct}%）`
            : `${capital(optionRef(b, l))} is nearly identical to ${optionRef(a, l)} (similarity ${pct}%)`,
        ),
      });
      break; // one warning per option: its first near-duplicate
    }
  }
  return out;
}

/** The quality warnings of a round's options under the city's rules (dropped options are ignored). */
export function computeOptionWarnings(options: readonly RuleOption[], baseline: RoundBaseline, rules: OptionRules): OptionWarning[] {
  const out: OptionWarning[] = [];
  if (rules.tooFewOptions.enabled) out.push(...tooFewOptions(options, rules.tooFewOptions.params.minOptions));
  if (rules.lowCostNoBenefit.enabled) out.push(...lowCostNoBenefit(options));
  if (rules.highCostIncomplete.enabled) out.push(...highCostIncomplete(options));
  if (rules.implausibleBenefit.enabled) out.push(...implausibleBenefit(options, baseline, rules.implausibleBenefit.params.maxShare));
  if (rules.similarTexts.enabled) {
    out.push(...similarTexts(options, rules.similarTexts.params.threshold, rules.similarTexts.params.shingleSize));
  }
  return out;
}
