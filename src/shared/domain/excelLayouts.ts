import type { Locale } from '../i18n/locales';

/**
 * The working column layouts of the notice's tables (DOMAIN.md §7), used by the Excel import and the exports.
 * Keys name the value a column holds; labels are the header texts exactly as they appear in the sheet.
 */
export interface ExcelColumn<K extends string = string> {
  key: K;
  label: string;
  /** Column width in characters, for exports. */
  width: number;
}

const col = <K extends string>(key: K, label: string, width: number): ExcelColumn<K> => ({ key, label, width });

/** 附件4: the district plan list for the next two years. */
export const ANNEX4_COLUMNS = [
  col('seq', '序号', 6),
  col('district', '区县', 10),
  col('enterpriseName', '企业名称', 32),
  col('creditCode', '统一社会信用代码', 22),
  col('industry', '行业', 20),
  col('reasons', '纳入原因', 18),
  col('plannedYear', '计划审核年度', 12),
  col('lastAuditOn', '上轮审核时间', 14),
  col('contact', '联系人/电话', 22),
  col('remarks', '备注', 24),
] as const;

/** 附件1: the annual mandatory list. */
export const ANNEX1_COLUMNS = [
  col('seq', '序号', 6),
  col('district', '区县', 10),
  col('enterpriseName', '企业名称', 32),
  col('creditCode', '统一社会信用代码', 22),
  col('industry', '行业', 20),
  col('reasons', '纳入原因', 18),
  col('reasonDetails', '具体原因说明', 36),
  col('dischargePermitNo', '排污许可证编号', 24),
  col('remarks', '备注', 24),
] as const;

/** 附件2: enterprises listed in earlier years that have not completed acceptance. */
export const ANNEX2_COLUMNS = [
  col('seq', '序号', 6),
  col('district', '区县', 10),
  col('enterpriseName', '企业名称', 32),
  col('creditCode', '统一社会信用代码', 22),
  col('listingYear', '纳入年度', 10),
  col('reasons', '纳入原因', 18),
  col('evaluationPassedOn', '评估完成时间', 14),
  col('reviewOpinionNo', '技术审查意见文号', 20),
  col('costlyOptions', '中/高费方案数 (已实施)', 20),
  col('unfinishedReason', '未完成原因', 28),
  col('acceptanceDue', '计划验收时间', 14),
  col('remarks', '备注', 24),
] as const;

export const IMPORT_LAYOUTS = ['annex4', 'annex1'] as const;
export type ImportLayout = (typeof IMPORT_LAYOUTS)[number];

export const IMPORT_LAYOUT_COLUMNS = { annex4: ANNEX4_COLUMNS, annex1: ANNEX1_COLUMNS } as const;
export type ImportColumnKey = (typeof ANNEX4_COLUMNS)[number]['key'] | (typeof ANNEX1_COLUMNS)[number]['key'];

export const IMPORT_LAYOUT_LABELS = {
  annex4: { 'zh-CN': '附件4 区县审核计划表', en: 'Annex 4 district plan list' },
  annex1: { 'zh-CN': '附件1 年度强制性审核名单', en: 'Annex 1 annual mandatory list' },
} as const satisfies Record<ImportLayout, Record<Locale, string>>;

/** A header text as compared: no whitespace, full-width slash and parentheses folded to ASCII. */
export function normalizeHeader(text: string): string {
  return text.replace(/\s+/g, '').replace(/／/g, '/').replace(/（/g, '(').replace(/）/g, ')');
}

/** Separators between listing reasons in one cell: 、 , ， ; ； and whitespace. */
export const REASON_SEPARATORS = /[、,，;；\s]+/;
