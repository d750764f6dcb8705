import type { CreditCodeProblem } from '../domain/creditCode';
import { creditCodeProblemMessage } from './creditCodeMessages';
import type { Locale } from './locales';
import { interpolate } from './locales';

/** Row-level problems of an Excel import, stored as code + parameters and rendered in the reader's language. */
export const IMPORT_ROW_MESSAGES = {
  'district.missing': { 'zh-CN': '区县未填写', en: 'district is missing' },
  'district.unknown': { 'zh-CN': '区县“{value}”不存在', en: 'unknown district "{value}"' },
  'district.outOfScope': { 'zh-CN': '只能导入本区县的企业（“{value}”）', en: 'only enterprises of your own district may be imported ("{value}")' },
  'district.mismatch': {
    'zh-CN': '与企业登记的区县（{registered}）不一致',
    en: 'differs from the district the enterprise is registered in ({registered})',
  },
  'creditCode.missing': { 'zh-CN': '统一社会信用代码未填写', en: 'the credit code is missing' },
  'creditCode.unknown': {
    'zh-CN': '统一社会信用代码 {value} 不在企业名录中（或不在您的管辖范围内）',
    en: 'the credit code {value} is not in the enterprise registry (or not in your scope)',
  },
  'row.duplicate': { 'zh-CN': '与第 {firstRow} 行重复（同一企业、同一年度）', en: 'duplicates row {firstRow} (same enterprise and year)' },
  'plannedYear.missing': { 'zh-CN': '审核年度未填写', en: 'the audit year is missing' },
  'plannedYear.invalid': { 'zh-CN': '审核年度“{value}”无效（应为 2000–2100 的年份）', en: 'invalid audit year "{value}" (a year 2000–2100)' },
  'plannedYear.taken': { 'zh-CN': '该企业已在 {year} 年度审核计划或名单中', en: 'the enterprise is already planned or listed for {year}' },
  'reasons.missing': { 'zh-CN': '纳入原因未填写', en: 'the listing reason is missing' },
  'reasons.unknown': {
    'zh-CN': '纳入原因“{value}”无效（应为 双超、双有、高耗能、重点行业）',
    en: 'unknown listing reason "{value}" (双超, 双有, 高耗能 or 重点行业)',
  },
  'reasons.duplicate': { 'zh-CN': '纳入原因“{value}”重复', en: 'listing reason "{value}" is given twice' },
  'lastAuditOn.invalid': {
    'zh-CN': '上轮审核时间“{value}”无效（应为日期，如 2016-05-20）',
    en: 'invalid last audit date "{value}" (a date such as 2016-05-20)',
  },
  'contact.phoneInvalid': { 'zh-CN': '联系电话“{value}”无效', en: 'invalid phone number "{value}"' },
  'text.tooLong': { 'zh-CN': '内容过长（不超过 {max} 字）', en: 'too long (at most {max} characters)' },
} as const satisfies Record<string, Record<Locale, string>>;

export type ImportRowMessageCode = keyof typeof IMPORT_ROW_MESSAGES | 'creditCode.invalid';

/** A stored row problem: which column, which message, its parameters. */
export interface ImportRowProblem {
  field: string;
  code: ImportRowMessageCode;
  params?: Record<string, string | number>;
}

export function importRowMessage(problem: ImportRowProblem, locale: Locale): string {
  if (problem.code === 'creditCode.invalid') {
    const reason = creditCodeProblemMessage(String(problem.params?.problem ?? 'checkCharacter') as CreditCodeProblem, locale);
    return locale === 'zh-CN' ? `统一社会信用代码${reason}` : `the credit code ${reason}`;
  }
  return interpolate(IMPORT_ROW_MESSAGES[problem.code][locale], problem.params);
}
