import type { Locale } from './locales';
import { interpolate } from './locales';
import { CREDIT_CODE_PROBLEM_MESSAGES } from './creditCodeMessages';

/** The parts of a zod issue that messages are built from (zod 4 issue shape, path-less). */
export interface IssueLike {
  code: string;
  message?: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  format?: unknown;
  values?: unknown;
  keys?: unknown;
}

const M = {
  required: { 'zh-CN': '必填', en: 'is required' },
  type: { 'zh-CN': '类型不正确（应为{expected}）', en: 'has the wrong type (expected {expected})' },
  tooLongString: { 'zh-CN': '不能超过 {n} 个字符', en: 'must be at most {n} characters' },
  tooShortString: { 'zh-CN': '至少 {n} 个字符', en: 'must be at least {n} characters' },
  tooBig: { 'zh-CN': '不能大于 {n}', en: 'must be at most {n}' },
  tooSmall: { 'zh-CN': '不能小于 {n}', en: 'must be at least {n}' },
  tooManyItems: { 'zh-CN': '最多 {n} 项', en: 'must have at most {n} items' },
  tooFewItems: { 'zh-CN': '至少 {n} 项', en: 'must have at least {n} items' },
  format: { 'zh-CN': '格式不正确（{format}）', en: 'is not a valid {format}' },
  value: { 'zh-CN': '取值无效，可选值：{values}', en: 'is not one of: {values}' },
  unknownKeys: { 'zh-CN': '包含未知字段：{keys}', en: 'has unknown fields: {keys}' },
  invalid: { 'zh-CN': '无效', en: 'is invalid' },
} as const;

const TYPE_NAMES: Record<string, Record<Locale, string>> = {
  string: { 'zh-CN': '文本', en: 'text' },
  number: { 'zh-CN': '数字', en: 'number' },
  int: { 'zh-CN': '整数', en: 'integer' },
  boolean: { 'zh-CN': '布尔值', en: 'boolean' },
  object: { 'zh-CN': '对象', en: 'object' },
  array: { 'zh-CN': '数组', en: 'array' },
};

const FORMAT_NAMES: Record<string, Record<Locale, string>> = {
  email: { 'zh-CN': '电子邮箱', en: 'email address' },
  uuid: { 'zh-CN': 'UUID', en: 'UUID' },
  regex: { 'zh-CN': '格式', en: 'format' },
  datetime: { 'zh-CN': '日期时间', en: 'date-time' },
  date: { 'zh-CN': '日期', en: 'date' },
};

/** Custom issue messages are keys of this table (set with `{ message: 'creditCode.length' }` in schemas). */
export const CUSTOM_MESSAGES: Record<string, Record<Locale, string>> = {
  ...CREDIT_CODE_PROBLEM_MESSAGES,
  'phone.invalid': { 'zh-CN': '电话号码格式不正确', en: 'is not a valid phone number' },
  'username.format': {
    'zh-CN': '只能包含字母、数字、点、下划线和连字符，3–64 位',
    en: 'may contain letters, digits, dot, underscore and hyphen, 3–64 characters',
  },
  'text.blank': { 'zh-CN': '不能为空白', en: 'must not be blank' },
  'reasons.duplicate': { 'zh-CN': '纳入原因不能重复', en: 'must not repeat a reason' },
  'roundIds.duplicate': { 'zh-CN': '审核轮次不能重复', en: 'must not repeat a round' },
  'scoreItem.code': { 'zh-CN': '应以小写字母开头，只含小写字母、数字和下划线（最多 40 位）', en: 'must start with a lowercase letter and hold only lowercase letters, digits and underscores (at most 40)' },
  'remindDays.duplicate': { 'zh-CN': '提醒天数不能重复', en: 'must not repeat a day' },
  'spotCheck.sampleSize': { 'zh-CN': '抽查比例与抽查数量须填写且只填写其中一项', en: 'give either a sample ratio or a sample count, not both' },
  'checkers.duplicate': { 'zh-CN': '检查人员不能重复', en: 'must not repeat a checker' },
  'categories.duplicate': { 'zh-CN': '问题类别不能重复', en: 'must not repeat a category' },
  'openData.file': { 'zh-CN': '应为“年度.csv”或“年度.json”，如 2021.csv', en: 'must be "<year>.csv" or "<year>.json", e.g. 2021.csv' },
};

/** Translate one validation issue into a short message (without the field name). */
export function issueMessage(issue: IssueLike, locale: Locale): string {
  const n = (v: unknown) => ({ n: typeof v === 'bigint' ? v.toString() : Number(v) });
  // A schema-given message key wins whatever the issue code (e.g. `.regex(re, { message: 'phone.invalid' })`).
  const custom = issue.message && Object.hasOwn(CUSTOM_MESSAGES, issue.message) ? CUSTOM_MESSAGES[issue.message] : undefined;
  if (custom) return custom[locale];
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.message?.includes('received undefined')) return M.required[locale];
      const expected = typeof issue.expected === 'string' ? issue.expected : '';
      return interpolate(M.type[locale], { expected: TYPE_NAMES[expected]?.[locale] ?? expected });
    }
    case 'too_big':
      if (issue.origin === 'string') return interpolate(M.tooLongString[locale], n(issue.maximum));
      if (issue.origin === 'array') return interpolate(M.tooManyItems[locale], n(issue.maximum));
      return interpolate(M.tooBig[locale], n(issue.maximum));
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) === 1 ? M.required[locale] : interpolate(M.tooShortString[locale], n(issue.minimum));
      }
      if (issue.origin === 'array') return interpolate(M.tooFewItems[locale], n(issue.minimum));
      return interpolate(M.tooSmall[locale], n(issue.minimum));
    case 'invalid_format': {
      const format = typeof issue.format === 'string' ? issue.format : '';
      return interpolate(M.format[locale], { format: FORMAT_NAMES[format]?.[locale] ?? format });
    }
    case 'invalid_value': {
      const values = Array.isArray(issue.values) ? issue.values.map(String).join(', ') : '';
      return interpolate(M.value[locale], { values });
    }
    case 'unrecognized_keys': {
      const keys = Array.isArray(issue.keys) ? issue.keys.map(String).join(', ') : '';
      return interpolate(M.unknownKeys[locale], { keys });
    }
    case 'custom':
      return M.invalid[locale];
    default:
      return M.invalid[locale];
  }
}
