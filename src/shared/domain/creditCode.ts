/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * Layout (18 characters):
 *   1      registration authority (登记管理部门代码)
 *   2      organisation type (机构类别代码), valid values depend on the authority
 *   3–8    administrative division code of the registering office (登记管理机关行政区划码), 6 digits
 *   9–17   organisation code body (主体标识码 / 组织机构代码)
 *   18     check character (校验码)
 */

/** The 31 characters allowed in a credit code (no I, O, Z, S, V). */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17 (3^(i-1) mod 31). */
export const CREDIT_CODE_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

export type CreditCodeProblem =
  | 'length'
  | 'charset'
  | 'registrationAuthority'
  | 'orgType'
  | 'divisionCode'
  | 'checkCharacter';

export type CreditCodeCheck = { ok: true; code: string } | { ok: false; problem: CreditCodeProblem };

/**
 * Organisation types (position 2) allowed for each registration authority (position 1),
 * per GB 32100-2015 Appendix A and later amendments. '9' ("other") is accepted for every
 * authority that defines it; the table is deliberately permissive where practice varies.
 */
const ORG_TYPES_BY_AUTHORITY: Readonly<Record<string, string>> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办直管机构编制的群众团体, 其他
  '2': '19', // 外交: 外国常驻新闻机构, 其他
  '3': '12345679', // 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, …, 其他
  '4': '19', // 文化: 外国在华文化中心, 其他
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻内地(大陆)代表机构, 其他
  '7': '129', // 宗教: 宗教活动场所, 宗教院校, 其他
  '8': '19', // 工会: 基层工会, 其他
  '9': '1239', // 工商/市场监管: 企业, 个体工商户, 农民专业合作社, 其他
  A: '19', // 中央军委改革和编制办公室: 军队事业单位, 其他
  N: '12349', // 农业农村: 组级/村级/乡镇级集体经济组织, …, 其他
  Y: '1', // 其他
};

const DIVISION_RE = /^[0-9]{6}$/;

function charValue(ch: string): number {
  return CREDIT_CODE_CHARSET.indexOf(ch);
}

function isCharsetString(s: string): boolean {
  for (const ch of s) {
    if (charValue(ch) < 0) return false;
  }
  return true;
}

/** The check character (position 18) for the first 17 characters. Throws on invalid input. */
export function computeCheckCharacter(first17: string): string {
  if (first17.length !== 17 || !isCharsetString(first17)) {
    throw new Error(`computeCheckCharacter: expected 17 credit-code characters, got "${first17}"`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += charValue(first17.charAt(i)) * (CREDIT_CODE_WEIGHTS[i] ?? 0);
  }
  const index = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET.charAt(index);
}

/** Appends the check character. Throws if `first17` is not 17 charset characters. */
export function makeCreditCode(first17: string): string {
  return first17 + computeCheckCharacter(first17);
}

/** Normalises (trim, uppercase) and validates a credit code. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, problem: 'length' };
  if (!isCharsetString(code)) return { ok: false, problem: 'charset' };

  const authority = code.charAt(0);
  const orgTypes = ORG_TYPES_BY_AUTHORITY[authority];
  if (orgTypes === undefined) return { ok: false, problem: 'registrationAuthority' };
  if (!orgTypes.includes(code.charAt(1))) return { ok: false, problem: 'orgType' };

  if (!DIVISION_RE.test(code.slice(2, 8))) return { ok: false, problem: 'divisionCode' };

  if (computeCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) {
    return { ok: false, problem: 'checkCharacter' };
  }
  return { ok: true, code };
}

export function isValidCreditCode(s: string): boolean {
  return checkCreditCode(s).ok;
}
