import type { Locale } from '../i18n/locales';

/**
 * Why an enterprise is on the mandatory audit list (纳入原因, Cleaner Production Promotion Law Art. 27,
 * Audit Measures Art. 8). A round has one or more reasons.
 */
export const LISTING_REASONS = ['dual_exceed', 'toxic', 'high_energy', 'key_industry'] as const;
export type ListingReason = (typeof LISTING_REASONS)[number];

type Text = Readonly<Record<Locale, string>>;

export const LISTING_REASON_LABELS = {
  dual_exceed: { 'zh-CN': '双超', en: 'Exceeds standards or quotas' },
  toxic: { 'zh-CN': '双有', en: 'Toxic or hazardous substances' },
  high_energy: { 'zh-CN': '高耗能', en: 'High energy consumption' },
  key_industry: { 'zh-CN': '重点行业', en: 'Key industry' },
} as const satisfies Record<ListingReason, Text>;

/** A longer explanation, for help texts and the 具体原因说明 column of the list. */
export const LISTING_REASON_DESCRIPTIONS = {
  dual_exceed: {
    'zh-CN': '污染物排放超过国家或者地方规定的排放标准，或者虽未超过排放标准但超过重点污染物排放总量控制指标',
    en: 'Discharges exceed national or local standards, or exceed the total-load quota for key pollutants',
  },
  toxic: {
    'zh-CN': '使用有毒有害原料进行生产或者在生产中排放有毒有害物质',
    en: 'Uses toxic or hazardous raw materials, or discharges toxic or hazardous substances',
  },
  high_energy: {
    'zh-CN': '超过单位产品能源消耗限额标准构成高耗能',
    en: 'Energy use per unit of product exceeds the consumption quota',
  },
  key_industry: {
    'zh-CN': '列入重点行业清洁生产审核推行计划',
    en: 'Named in a key-industry cleaner production plan',
  },
} as const satisfies Record<ListingReason, Text>;

/**
 * The department that leads the listing for a reason, when it is not the environment bureau.
 * Energy-use listings are led by the energy-saving department; the round keeps a 牵头部门 field for it.
 */
export const LISTING_REASON_LEAD_DEPARTMENT = {
  dual_exceed: null,
  toxic: null,
  high_energy: { 'zh-CN': '节能主管部门', en: 'Energy-saving authority' },
  key_industry: null,
} as const satisfies Record<ListingReason, Text | null>;

/**
 * Items an enterprise must disclose within the disclosure deadline (Audit Measures Art. 11).
 * The order here is the order of the disclosure form.
 */
export const DISCLOSURE_ITEMS = {
  enterprise_name: { 'zh-CN': '企业名称', en: 'Enterprise name' },
  legal_representative: { 'zh-CN': '法定代表人', en: 'Legal representative' },
  address: { 'zh-CN': '企业所在地址', en: 'Address' },
  pollutant_names: { 'zh-CN': '排放污染物名称', en: 'Pollutants discharged' },
  discharge_method: { 'zh-CN': '排放方式', en: 'Discharge method' },
  discharge_concentrations: { 'zh-CN': '排放浓度', en: 'Discharge concentrations' },
  discharge_totals: { 'zh-CN': '排放总量', en: 'Total discharges' },
  exceedances: { 'zh-CN': '超标、超总量情况', en: 'Exceedances of standards and quotas' },
  energy_consumption: { 'zh-CN': '主要能源品种及消耗量', en: 'Main energy types and consumption' },
  energy_per_output_value: { 'zh-CN': '单位产值能耗', en: 'Energy use per unit of output value' },
  energy_per_product: { 'zh-CN': '单位产品能耗', en: 'Energy use per unit of product' },
  energy_quota_exceedance: {
    'zh-CN': '超过单位产品能耗限额标准情况',
    en: 'Exceedance of the energy consumption quota',
  },
  toxic_materials: {
    'zh-CN': '使用有毒有害原料的名称、数量、用途',
    en: 'Toxic or hazardous raw materials used (name, quantity, purpose)',
  },
  toxic_discharges: {
    'zh-CN': '排放有毒有害物质的名称、浓度和数量',
    en: 'Toxic or hazardous substances discharged (name, concentration, quantity)',
  },
  hazardous_waste: { 'zh-CN': '危险废物的产生和处置情况', en: 'Hazardous waste generated and its disposal' },
  risk_controls: {
    'zh-CN': '依法落实环境风险防控措施情况',
    en: 'Environmental risk prevention measures in place',
  },
} as const satisfies Record<string, Text>;
export type DisclosureItem = keyof typeof DISCLOSURE_ITEMS;
export const DISCLOSURE_ITEM_CODES = Object.keys(DISCLOSURE_ITEMS) as [DisclosureItem, ...DisclosureItem[]];

/** Items every listed enterprise discloses, whatever the reason. */
export const BASE_DISCLOSURE_ITEMS = [
  'enterprise_name',
  'legal_representative',
  'address',
] as const satisfies readonly DisclosureItem[];

/** Reason-specific items, in addition to the base items. */
export const DISCLOSURE_ITEMS_BY_REASON = {
  dual_exceed: ['pollutant_names', 'discharge_method', 'discharge_concentrations', 'discharge_totals', 'exceedances'],
  high_energy: ['energy_consumption', 'energy_per_output_value', 'energy_per_product', 'energy_quota_exceedance'],
  toxic: ['toxic_materials', 'toxic_discharges', 'hazardous_waste', 'risk_controls'],
  key_industry: ['pollutant_names', 'discharge_totals'],
} as const satisfies Record<ListingReason, readonly DisclosureItem[]>;

export function isListingReason(value: unknown): value is ListingReason {
  return typeof value === 'string' && (LISTING_REASONS as readonly string[]).includes(value);
}

/**
 * The items a round with these reasons must disclose: the base items plus the union of the
 * reason-specific items, each once, in form order. An empty reason list yields the base items only.
 */
export function disclosureItemsFor(reasons: readonly ListingReason[]): DisclosureItem[] {
  const wanted = new Set<DisclosureItem>(BASE_DISCLOSURE_ITEMS);
  for (const reason of reasons) {
    for (const item of DISCLOSURE_ITEMS_BY_REASON[reason]) wanted.add(item);
  }
  return DISCLOSURE_ITEM_CODES.filter((item) => wanted.has(item));
}

/** The required items missing from a disclosure (items present with a blank value count as missing). */
export function missingDisclosureItems(
  reasons: readonly ListingReason[],
  filled: Readonly<Partial<Record<DisclosureItem, string | null>>>,
): DisclosureItem[] {
  return disclosureItemsFor(reasons).filter((item) => (filled[item] ?? '').trim() === '');
}
