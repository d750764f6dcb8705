import type { Locale } from '../i18n/locales';
import type { BenefitIndicator } from './options';

/**
 * The columns of the notice's 附件3 annual summary table (DOMAIN §7), defined once: key, group, label, unit and the
 * definition shown as a tooltip, written into exports and into the documentation. The SQL that computes each column
 * lives in server/modules/statistics/summaryRepository.ts and follows these definitions; change both together and bump
 * SUMMARY_CATALOGUE_VERSION (submitted snapshots record the version they were computed with).
 */
export const SUMMARY_CATALOGUE_VERSION = 1;

type Text = Readonly<Record<Locale, string>>;
const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en });

export const SUMMARY_GROUPS = ['counts', 'options', 'money', 'savings', 'reductions'] as const;
export type SummaryGroup = (typeof SUMMARY_GROUPS)[number];

export const SUMMARY_GROUP_LABELS = {
  counts: t('审核企业数（家）', 'Audited enterprises (count)'),
  options: t('清洁生产方案（项）', 'Cleaner production options (count)'),
  money: t('投资与经济效益', 'Investment and economic benefit'),
  savings: t('节能降耗', 'Savings'),
  reductions: t('污染物减排', 'Reductions'),
} as const satisfies Record<SummaryGroup, Text>;

/** Count columns are figures about rounds; the others are figures about options. */
export type SummarySource = 'round' | 'option';

export interface SummaryColumn {
  readonly key: string;
  readonly group: SummaryGroup;
  readonly source: SummarySource;
  /** For benefit columns: the option indicator summed (actual figures). */
  readonly indicator?: BenefitIndicator;
  readonly label: Text;
  readonly unit: Text;
  readonly definition: Text;
  /** Decimal places shown and exported. */
  readonly decimals: number;
}

const YEAR_EVENT = t('（以北京时间计的年度 Y 内）', ' (within year Y, China time)');
const PUBLISHED = t(
  '仅统计已公布名单的审核轮次，已撤出（关停/注销）的轮次一律不计。',
  'Only rounds on a published list count; withdrawn rounds (closed down or deregistered) never count.',
);
const def = (zh: string, en: string): Text => ({ 'zh-CN': `${zh}${PUBLISHED['zh-CN']}`, en: `${en} ${PUBLISHED.en}` });
const ATTRIBUTION = t(
  '按方案实际见效日期归属年度：状态为“已实施”且实际见效日期在年度 Y 内的方案计其实际效益；只有预测效益、尚未实施或见效日期在其他年度的方案不计。',
  'Attributed by the effective date: options marked implemented whose actual effective date falls in year Y count with their actual figures; options with predicted figures only, not yet implemented, or effective in another year do not count.',
);
const benefit = (
  key: string,
  group: SummaryGroup,
  indicator: BenefitIndicator,
  label: Text,
  unit: Text,
): SummaryColumn => ({
  key,
  group,
  source: 'option',
  indicator,
  label,
  unit,
  decimals: 2,
  definition: def(
    `年度 Y 见效的方案的${label['zh-CN']}实际值之和（${unit['zh-CN']}）。${ATTRIBUTION['zh-CN']}`,
    `Sum of the actual ${label.en} of the options effective in year Y (${unit.en}). ${ATTRIBUTION.en}`,
  ),
});

const COUNT = t('家', 'count');
const ITEMS = t('项', 'count');

export const SUMMARY_COLUMNS: readonly SummaryColumn[] = [
  {
    key: 'listed', group: 'counts', source: 'round', label: t('纳入名单', 'Listed'), unit: COUNT, decimals: 0,
    definition: def('纳入年度为 Y 的审核轮次数（含自愿审核）。', 'Rounds whose listing year is Y (voluntary audits included).'),
  },
  {
    key: 'started', group: 'counts', source: 'round', label: t('启动审核', 'Audit started'), unit: COUNT, decimals: 0,
    definition: def(
      `在年度 Y 内启动审核的轮次数（状态变更为“审核已启动”的时间${YEAR_EVENT['zh-CN']}），不论纳入年度。`,
      `Rounds whose audit started in year Y (the change into "audit started"${YEAR_EVENT.en}), whatever their listing year.`,
    ),
  },
  {
    key: 'reportSubmitted', group: 'counts', source: 'round', label: t('提交审核报告', 'Report submitted'), unit: COUNT, decimals: 0,
    definition: def(
      `在年度 Y 内提交审核报告的轮次数${YEAR_EVENT['zh-CN']}，不论纳入年度。`,
      `Rounds that submitted their audit report in year Y${YEAR_EVENT.en}, whatever their listing year.`,
    ),
  },
  {
    key: 'evaluated', group: 'counts', source: 'round', label: t('通过评估', 'Evaluated'), unit: COUNT, decimals: 0,
    definition: def(
      `在年度 Y 内通过评估的轮次数（状态变更为“已通过评估”${YEAR_EVENT['zh-CN']}），不论纳入年度。`,
      `Rounds that passed evaluation in year Y (the change into "passed evaluation"${YEAR_EVENT.en}), whatever their listing year.`,
    ),
  },
  {
    key: 'accepted', group: 'counts', source: 'round', label: t('通过验收', 'Accepted'), unit: COUNT, decimals: 0,
    definition: def(
      `在年度 Y 内验收合格的轮次数（状态变更为“验收合格”${YEAR_EVENT['zh-CN']}），不论纳入年度。`,
      `Rounds accepted in year Y (the change into "accepted"${YEAR_EVENT.en}), whatever their listing year.`,
    ),
  },
  {
    key: 'unfinished', group: 'counts', source: 'round', label: t('未完成', 'Unfinished'), unit: COUNT, decimals: 0,
    definition: def(
      '纳入年度不晚于 Y、到年度 Y 结束时仍未验收合格的轮次数（已滚动纳入下一年度名单的轮次不计，以免重复）。',
      'Rounds listed in year Y or earlier that had not been accepted by the end of year Y (rounds rolled over into a later list are left out, so they are not counted twice).',
    ),
  },
  {
    key: 'voluntary', group: 'counts', source: 'round', label: t('其中：自愿审核', 'Of which voluntary'), unit: COUNT, decimals: 0,
    definition: def(
      '纳入年度为 Y 且标记为自愿审核的轮次数（“纳入名单”的其中数）。',
      'Rounds of listing year Y marked as voluntary audits (a part of "Listed").',
    ),
  },
  {
    key: 'lowCostProposed', group: 'options', source: 'option', label: t('无/低费方案 提出', 'No/low-cost proposed'), unit: ITEMS, decimals: 0,
    definition: def(
      '纳入年度为 Y 的轮次登记的无/低费方案数（已放弃的不计）。',
      'No/low-cost options registered by the rounds of listing year Y (dropped options excluded).',
    ),
  },
  {
    key: 'lowCostImplemented', group: 'options', source: 'option', label: t('无/低费方案 实施', 'No/low-cost implemented'), unit: ITEMS, decimals: 0,
    definition: def(
      '状态为“已实施”且实际见效日期在年度 Y 内的无/低费方案数，不论所属轮次的纳入年度。',
      'No/low-cost options marked implemented whose actual effective date falls in year Y, whatever the listing year of their round.',
    ),
  },
  {
    key: 'highCostProposed', group: 'options', source: 'option', label: t('中/高费方案 提出', 'Medium/high-cost proposed'), unit: ITEMS, decimals: 0,
    definition: def(
      '纳入年度为 Y 的轮次登记的中/高费方案数（已放弃的不计）。',
      'Medium/high-cost options registered by the rounds of listing year Y (dropped options excluded).',
    ),
  },
  {
    key: 'highCostImplemented', group: 'options', source: 'option', label: t('中/高费方案 实施', 'Medium/high-cost implemented'), unit: ITEMS, decimals: 0,
    definition: def(
      '状态为“已实施”且实际见效日期在年度 Y 内的中/高费方案数，不论所属轮次的纳入年度。',
      'Medium/high-cost options marked implemented whose actual effective date falls in year Y, whatever the listing year of their round.',
    ),
  },
  {
    key: 'investment', group: 'money', source: 'option', label: t('方案投资', 'Investment'), unit: t('万元', '10k CNY'), decimals: 2,
    definition: def(
      `年度 Y 见效的方案（无/低费与中/高费）的投资额之和（万元，与方案登记的单位相同）。${ATTRIBUTION['zh-CN']}`,
      `Sum of the investment of the options effective in year Y, both categories (10k CNY, the unit of the register). ${ATTRIBUTION.en}`,
    ),
  },
  benefit('economic', 'money', 'economic', t('经济效益', 'Economic benefit'), t('万元/年', '10k CNY/yr')),
  benefit('energy', 'savings', 'energy', t('节能', 'Energy saved'), t('吨标煤/年', 'tce/yr')),
  benefit('electricity', 'savings', 'electricity', t('节电', 'Electricity saved'), t('万kWh/年', '10k kWh/yr')),
  benefit('water', 'savings', 'water', t('节水', 'Water saved'), t('吨/年', 't/yr')),
  benefit('cod', 'reductions', 'cod', t('COD', 'COD'), t('吨/年', 't/yr')),
  benefit('nh3n', 'reductions', 'nh3n', t('氨氮', 'NH3-N'), t('吨/年', 't/yr')),
  benefit('so2', 'reductions', 'so2', t('SO2', 'SO2'), t('吨/年', 't/yr')),
  benefit('nox', 'reductions', 'nox', t('NOx', 'NOx'), t('吨/年', 't/yr')),
  benefit('particulates', 'reductions', 'particulates', t('颗粒物', 'Particulates'), t('吨/年', 't/yr')),
  benefit('vocs', 'reductions', 'vocs', t('VOCs', 'VOCs'), t('吨/年', 't/yr')),
  benefit('heavyMetals', 'reductions', 'heavyMetals', t('重金属', 'Heavy metals'), t('千克/年', 'kg/yr')),
  benefit('hazardousWaste', 'reductions', 'hazardousWaste', t('危险废物', 'Hazardous waste'), t('吨/年', 't/yr')),
  benefit('co2', 'reductions', 'co2', t('CO2', 'CO2'), t('吨/年', 't/yr')),
];

export const SUMMARY_COLUMN_KEYS = SUMMARY_COLUMNS.map((c) => c.key) as [string, ...string[]];
export type SummaryColumnKey = (typeof SUMMARY_COLUMN_KEYS)[number];

export function summaryColumn(key: string): SummaryColumn | undefined {
  return SUMMARY_COLUMNS.find((c) => c.key === key);
}

/** The narrative a district adds to its row (DOMAIN §7). */
export const NARRATIVE_FIELDS = ['mainPractices', 'problems', 'nextSteps'] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
export const NARRATIVE_LABELS = {
  mainPractices: t('主要做法', 'Main practices'),
  problems: t('存在问题', 'Problems'),
  nextSteps: t('下一步工作', 'Next steps'),
} as const satisfies Record<NarrativeField, Text>;

/** District submission of the summary: draft → submitted → accepted | returned → submitted … */
export const SUBMISSION_STATES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_STATE_LABELS = {
  draft: t('草稿', 'Draft'),
  submitted: t('已报送', 'Submitted'),
  accepted: t('市局已确认', 'Accepted by the city'),
  returned: t('已退回修改', 'Returned'),
} as const satisfies Record<SubmissionState, Text>;

/** Where a district may save its narrative, and from where it may submit. */
export const SUBMISSION_EDITABLE_STATES: readonly SubmissionState[] = ['draft', 'returned'];

/** The figures of one row, keyed by column key. */
export type SummaryValues = Record<string, number>;

/** Live minus snapshot per column (0 where unchanged); columns missing from an older snapshot count as 0. */
export function summaryDiff(snapshot: SummaryValues, live: SummaryValues): SummaryValues {
  const out: SummaryValues = {};
  for (const c of SUMMARY_COLUMNS) {
    const d = (live[c.key] ?? 0) - (snapshot[c.key] ?? 0);
    out[c.key] = Math.round(d * 10 ** 4) / 10 ** 4;
  }
  return out;
}

/**
 * The summary milestone of a campaign (the district's 附件3 deadline): the latest milestone for district staff whose
 * name mentions the summary (总结 / summary). Null when the campaign has none.
 */
export function isSummaryMilestone(name: string, actorRole: string): boolean {
  return actorRole === 'district_staff' && (/总结/.test(name) || /summary/i.test(name));
}
