import type { Locale } from './locales';
import type { CreditCodeProblem } from '../domain/creditCode';

const byProblem = {
  length: { 'zh-CN': '应为 18 位', en: 'must be 18 characters long' },
  charset: {
    'zh-CN': '含有不允许的字符（只能是数字和除 I、O、Z、S、V 外的大写字母）',
    en: 'contains characters that are not allowed (digits and capital letters except I, O, Z, S, V)',
  },
  registrationAuthority: { 'zh-CN': '第 1 位登记管理部门代码无效', en: 'the registration authority (1st character) is invalid' },
  orgType: { 'zh-CN': '第 2 位机构类别代码无效', en: 'the organisation type (2nd character) is invalid' },
  divisionCode: { 'zh-CN': '第 3–8 位行政区划码应为 6 位数字', en: 'characters 3–8 must be a 6-digit division code' },
  checkCharacter: { 'zh-CN': '校验码错误，代码无效', en: 'the check character is wrong, so the code is invalid' },
} as const satisfies Record<CreditCodeProblem, Record<Locale, string>>;

/** Field messages always say the code is invalid, then why. */
export function creditCodeProblemMessage(problem: CreditCodeProblem, locale: Locale): string {
  return locale === 'zh-CN' ? `无效：${byProblem[problem][locale]}` : `is invalid: ${byProblem[problem][locale]}`;
}

export const CREDIT_CODE_PROBLEM_MESSAGES: Record<string, Record<Locale, string>> = Object.fromEntries(
  (Object.keys(byProblem) as CreditCodeProblem[]).map((problem) => [
    `creditCode.${problem}`,
    { 'zh-CN': creditCodeProblemMessage(problem, 'zh-CN'), en: creditCodeProblemMessage(problem, 'en') },
  ]),
);
