import type { Locale } from '../i18n/locales';
import type { RoundState } from './roundStates';

/**
 * Round deadlines (DOMAIN §3), computed from the campaign's rules and the round's dates.
 * Dates are calendar dates ('YYYY-MM-DD'); all arithmetic is on the proleptic Gregorian
 * calendar in UTC, so no time zone or daylight-saving shift can move a date.
 */
export interface DeadlineRules {
  /** Disclose enterprise information within N months of the list publication date. */
  readonly discloseMonths: number;
  /** Start the audit within N months of the list publication date. */
  readonly startMonths: number;
  /** Submit the audit report within N months of the list publication date. */
  readonly reportMonths: number;
  /** Complete acceptance within N months of passing evaluation. */
  readonly acceptanceMonthsAfterEvaluation: number;
  /** 双有 enterprises: the next audit is due N years after the last acceptance. */
  readonly toxicIntervalYears: number;
}

/** Configurable defaults; a campaign stores its own copy that the city may change. */
export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  discloseMonths: 1,
  startMonths: 2,
  reportMonths: 12,
  acceptanceMonthsAfterEvaluation: 12,
  toxicIntervalYears: 5,
};

export const DEADLINE_RULE_LIMITS = {
  discloseMonths: { min: 1, max: 12 },
  startMonths: { min: 1, max: 24 },
  reportMonths: { min: 1, max: 36 },
  acceptanceMonthsAfterEvaluation: { min: 1, max: 36 },
  toxicIntervalYears: { min: 1, max: 10 },
} as const satisfies Record<keyof DeadlineRules, { min: number; max: number }>;

export type DeadlineRuleProblem =
  | { code: 'notInteger' }
  | { code: 'outOfRange'; min: number; max: number }
  | { code: 'afterReport' };

type Text = Readonly<Record<Locale, string>>;
export const DEADLINE_RULE_PROBLEM_MESSAGES = {
  notInteger: { 'zh-CN': '应为整数', en: 'must be a whole number' },
  outOfRange: { 'zh-CN': '应在 {min} 至 {max} 之间', en: 'must be between {min} and {max}' },
  afterReport: { 'zh-CN': '不能晚于审核报告提交期限', en: 'cannot be later than the report deadline' },
} as const satisfies Record<DeadlineRuleProblem['code'], Text>;

/** Field errors of edited rules, keyed by field name; empty when valid. */
export function validateDeadlineRules(rules: DeadlineRules): Partial<Record<keyof DeadlineRules, DeadlineRuleProblem>> {
  const errors: Partial<Record<keyof DeadlineRules, DeadlineRuleProblem>> = {};
  for (const field of Object.keys(DEADLINE_RULE_LIMITS) as (keyof DeadlineRules)[]) {
    const value = rules[field];
    const { min, max } = DEADLINE_RULE_LIMITS[field];
    if (!Number.isInteger(value)) errors[field] = { code: 'notInteger' };
    else if (value < min || value > max) errors[field] = { code: 'outOfRange', min, max };
  }
  for (const field of ['discloseMonths', 'startMonths'] as const) {
    if (!errors[field] && !errors.reportMonths && rules[field] > rules.reportMonths) {
      errors[field] = { code: 'afterReport' };
    }
  }
  return errors;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

interface YMD {
  year: number;
  month: number;
  day: number;
}

function parse(isoDate: string): YMD | null {
  const m = ISO_DATE.exec(isoDate);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function parseOrThrow(isoDate: string, fn: string): YMD {
  const ymd = parse(isoDate);
  if (!ymd) throw new RangeError(`${fn}: not a calendar date 'YYYY-MM-DD': "${isoDate}"`);
  return ymd;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const format = ({ year, month, day }: YMD) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** Whether `s` is a real calendar date written 'YYYY-MM-DD' (2021-02-29 is not). */
export function isIsoDate(s: string): boolean {
  return parse(s) !== null;
}

/**
 * Adds whole months (negative to go back), clamping to the end of a shorter month:
 * 2021-01-31 + 1 = 2021-02-28, 2020-01-31 + 1 = 2020-02-29, 2020-02-29 + 12 = 2021-02-28.
 */
export function addMonths(isoDate: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths: months must be an integer, got ${months}`);
  const { year, month, day } = parseOrThrow(isoDate, 'addMonths');
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 1 || y > 9999) throw new RangeError(`addMonths: result out of range for ${isoDate} + ${months}`);
  return format({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

function utcDay(isoDate: string, fn: string): number {
  const { year, month, day } = parseOrThrow(isoDate, fn);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / DAY_MS);
}

/** Whole days from `today` to `due`: 0 on the due date, negative once overdue. */
export function daysLeft(due: string, today: string): number {
  return utcDay(due, 'daysLeft') - utcDay(today, 'daysLeft');
}

/**
 * The calendar date of an instant at a fixed UTC offset (China: +8 h, no daylight saving).
 * Use it to get "today" for daysLeft on the server, whatever the host's time zone.
 */
export function localIsoDate(instant: Date, utcOffsetMinutes = 480): string {
  const shifted = new Date(instant.getTime() + utcOffsetMinutes * 60_000);
  return format({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

export const DEADLINE_KINDS = ['disclose', 'start', 'report', 'acceptance'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_KIND_LABELS = {
  disclose: { 'zh-CN': '信息公开期限', en: 'Disclosure due' },
  start: { 'zh-CN': '审核启动期限', en: 'Audit start due' },
  report: { 'zh-CN': '审核报告提交期限', en: 'Audit report due' },
  acceptance: { 'zh-CN': '验收期限', en: 'Acceptance due' },
} as const satisfies Record<DeadlineKind, Text>;

export interface RoundDeadlines {
  readonly disclose: string;
  readonly start: string;
  readonly report: string;
  /** Known once evaluation is passed. */
  readonly acceptance: string | null;
}

export function roundDeadlines(input: {
  listPublishedOn: string;
  evaluationPassedOn?: string | null;
  rules: DeadlineRules;
}): RoundDeadlines {
  const { listPublishedOn, evaluationPassedOn, rules } = input;
  return {
    disclose: addMonths(listPublishedOn, rules.discloseMonths),
    start: addMonths(listPublishedOn, rules.startMonths),
    report: addMonths(listPublishedOn, rules.reportMonths),
    acceptance: evaluationPassedOn ? addMonths(evaluationPassedOn, rules.acceptanceMonthsAfterEvaluation) : null,
  };
}

/**
 * Which deadline a round in each state is working towards. States waiting on the bureau or the
 * panel, finished rounds and side states have none. A failed evaluation sends the round back to
 * the audit, so the report deadline applies again.
 */
export const DEADLINE_BY_STATE = {
  plan_proposed: null,
  plan_approved: null,
  plan_rejected: null,
  listed: 'disclose',
  notified: 'disclose',
  disclosed: 'start',
  audit_started: 'report',
  report_submitted: null,
  evaluation_applied: null,
  evaluation_returned: null,
  evaluation_review: null,
  evaluation_failed: 'report',
  evaluated: 'acceptance',
  acceptance_applied: 'acceptance',
  acceptance_returned: 'acceptance',
  acceptance_review: 'acceptance',
  acceptance_rejected: 'acceptance',
  accepted: null,
  closed: null,
  withdrawn: null,
  rolled_over: null,
  referred: null,
} as const satisfies Record<RoundState, DeadlineKind | null>;

export function nextDeadline(
  state: RoundState,
  deadlines: RoundDeadlines,
): { kind: DeadlineKind; due: string } | null {
  const kind: DeadlineKind | null = DEADLINE_BY_STATE[state];
  if (kind === null) return null;
  const due = deadlines[kind];
  return due === null ? null : { kind, due };
}

/** 双有 enterprises: the date the next audit round is due, counted from the last acceptance. */
export function nextToxicAuditDue(lastAcceptedOn: string, rules: DeadlineRules): string {
  return addMonths(lastAcceptedOn, rules.toxicIntervalYears * 12);
}
