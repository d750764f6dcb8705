import type { Locale } from '../i18n/locales';

/**
 * Open data (开放数据): the public datasets and their **stable** columns. The keys are the CSV header and the
 * JSON record keys; they never change meaning once published — add columns at the end, never rename.
 * Types: `integer`, `date` (YYYY-MM-DD), `string`, `string?` (may be empty / null), `string[]` (JSON array; in
 * CSV the items joined with ";").
 */
type Text = Readonly<Record<Locale, string>>;

export type OpenColumnType = 'integer' | 'date' | 'date?' | 'string' | 'string?' | 'string[]' | 'uuid';

export interface OpenColumn {
  readonly key: string;
  readonly type: OpenColumnType;
  readonly label: Text;
}

const c = (key: string, type: OpenColumnType, zh: string, en: string): OpenColumn => ({ key, type, label: { 'zh-CN': zh, en } });

/** 附件1: the published annual mandatory audit list of a listing year. */
export const OPEN_LIST_COLUMNS = [
  c('listing_year', 'integer', '纳入年度', 'Listing year'),
  c('list_published_on', 'date', '名单公布日期', 'Date the list was published'),
  c('district_code', 'string', '区县代码（GB/T 2260；功能区为本系统代码）', 'District code (GB/T 2260; functional zones: system code)'),
  c('district_name', 'string', '区县', 'District'),
  c('enterprise_name', 'string', '企业名称', 'Enterprise name'),
  c('credit_code', 'string', '统一社会信用代码', 'Unified social credit code'),
  c('industry_code', 'string', '行业代码（GB/T 4754 大类）', 'Industry code (GB/T 4754 division)'),
  c('industry_name', 'string', '行业', 'Industry'),
  c('listing_reasons', 'string[]', '纳入原因代码（dual_exceed 双超、toxic 双有、high_energy 高耗能、key_industry 重点行业）', 'Listing reason codes (dual_exceed, toxic, high_energy, key_industry)'),
  c('listing_reasons_label', 'string', '纳入原因', 'Listing reasons (Chinese labels)'),
  c('reason_details', 'string?', '具体原因说明', 'Details of the reasons'),
  c('round_id', 'uuid', '审核轮次标识（门户页面 /portal/rounds/{round_id}）', 'Round id (portal page /portal/rounds/{round_id})'),
] as const;

/** Published acceptance results (验收结果) of the result batches published in a calendar year. */
export const OPEN_RESULT_COLUMNS = [
  c('batch_published_on', 'date', '公布日期', 'Date the batch was published'),
  c('batch_title', 'string', '公布批次', 'Batch title'),
  c('listing_year', 'integer', '纳入年度', 'Listing year'),
  c('district_code', 'string', '区县代码', 'District code'),
  c('district_name', 'string', '区县', 'District'),
  c('enterprise_name', 'string', '企业名称', 'Enterprise name'),
  c('credit_code', 'string', '统一社会信用代码', 'Unified social credit code'),
  c('industry_code', 'string', '行业代码（GB/T 4754 大类）', 'Industry code (GB/T 4754 division)'),
  c('industry_name', 'string', '行业', 'Industry'),
  c('evaluation_passed_on', 'date?', '通过评估日期', 'Date the evaluation was passed'),
  c('review_opinion_no', 'string?', '技术审查意见文号', 'Technical review opinion number'),
  c('result', 'string', '验收结论（accepted 验收合格）', 'Acceptance result (accepted)'),
  c('round_id', 'uuid', '审核轮次标识', 'Round id'),
] as const;

export type OpenListKey = (typeof OPEN_LIST_COLUMNS)[number]['key'];
export type OpenResultKey = (typeof OPEN_RESULT_COLUMNS)[number]['key'];

export const OPEN_DATASET_LABELS = {
  lists: { 'zh-CN': '强制性清洁生产审核企业名单（附件1）', en: 'Mandatory cleaner production audit list (Annex 1)' },
  results: { 'zh-CN': '清洁生产审核验收结果', en: 'Cleaner production audit acceptance results' },
} as const satisfies Record<'lists' | 'results', Text>;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; text that a spreadsheet would
 * take for a formula (= + - @, tab, carriage return first) is prefixed with an apostrophe.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (CRLF-terminated). */
export function csvLine(values: readonly (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
