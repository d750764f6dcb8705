import type { Locale } from '../i18n/locales';

/**
 * Consulting agencies (咨询服务机构), DOMAIN §6: the city keeps them under dynamic management — registry,
 * performance record, and a status decided by the city: normal, warned, or on the dishonesty list (失信名单).
 */
export const AGENCY_STATUSES = ['normal', 'warned', 'dishonest'] as const;
export type AgencyStatus = (typeof AGENCY_STATUSES)[number];

export const AGENCY_STATUS_LABELS = {
  normal: { 'zh-CN': '正常', en: 'Normal' },
  warned: { 'zh-CN': '警示', en: 'Warned' },
  dishonest: { 'zh-CN': '失信名单', en: 'Dishonesty list' },
} as const satisfies Record<AgencyStatus, Readonly<Record<Locale, string>>>;

/** The round transitions that count as a "return for correction" in an agency's performance record. */
export const RETURN_TRANSITIONS = ['returnEvaluationApplication', 'returnAcceptanceApplication'] as const;

/** Evaluation grades that count as passing the first submission. */
export const FIRST_PASS_GRADES = ['pass', 'pass_with_revision'] as const;

/**
 * A status decision is a change: the new status must differ from the current one. Returns the problem, or null.
 * (Every decision — warning, listing, removal from the list — carries a reason, a decision number and a date.)
 */
export function statusChangeProblem(current: AgencyStatus, next: AgencyStatus): 'unchanged' | null {
  return current === next ? 'unchanged' : null;
}

/** A share as a rounded ratio (4 decimals), or null when there is nothing to divide. */
export function ratio(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.round((numerator / denominator) * 10_000) / 10_000;
}

/** A mean from a sum and a count, rounded to 0.1 (panel scores are kept to one decimal), or null. */
export function mean(sum: number, count: number): number | null {
  if (count <= 0) return null;
  return Math.round((sum / count) * 10) / 10;
}
