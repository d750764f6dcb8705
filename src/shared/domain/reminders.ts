import type { Locale } from '../i18n/locales';
import { DEADLINE_BY_STATE, type DeadlineKind } from './deadlines';
import { NEXT_ACTOR, ROUND_STATES, type RoundState } from './roundStates';

/**
 * The deadline engine (issue 6): reminders before a due date, an overdue notice on the first overdue
 * day (to the acting party and the district bureau), and an escalation to the city after a delay.
 */
export interface ReminderSettings {
  /** Days before a due date on which the acting party is reminded (distinct, 1–365). */
  readonly remindDays: readonly number[];
  /** Days overdue after which the round is escalated to the city bureau. */
  readonly escalateAfterDays: number;
  readonly enabled: boolean;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { remindDays: [14, 7, 1], escalateAfterDays: 15, enabled: true };

export const REMINDER_LIMITS = {
  remindDay: { min: 1, max: 365 },
  remindDaysCount: { min: 1, max: 10 },
  escalateAfterDays: { min: 1, max: 365 },
} as const;

/** A round overdue this long (or twice the escalation delay, if later) is proposed for the next year's list. */
export const ROLLOVER_AFTER_DAYS = 90;

export const PROPOSED_STEPS = ['orderCorrection', 'penalty', 'rollover'] as const;
export type ProposedStep = (typeof PROPOSED_STEPS)[number];

type Text = Readonly<Record<Locale, string>>;

/** The statutory next steps (DOMAIN §6): order to correct → penalty → roll over into the next list. */
export const PROPOSED_STEP_LABELS = {
  orderCorrection: { 'zh-CN': '责令限期改正', en: 'order to correct within a time limit' },
  penalty: { 'zh-CN': '依法处罚', en: 'penalty under the law' },
  rollover: { 'zh-CN': '滚动纳入下一年度名单', en: "roll over into next year's list" },
} as const satisfies Record<ProposedStep, Text>;

/** The next step to propose for work `daysOverdue` days late (≥ 1): it follows how long it has been overdue. */
export function proposedStep(daysOverdue: number, escalateAfterDays: number): ProposedStep {
  if (daysOverdue < escalateAfterDays) return 'orderCorrection';
  if (daysOverdue < Math.max(ROLLOVER_AFTER_DAYS, 2 * escalateAfterDays)) return 'penalty';
  return 'rollover';
}

/** The log's step codes: 'remind:<days>', 'overdue', 'escalated'. */
export type ReminderStep = `remind:${number}` | 'overdue' | 'escalated';

export const REMINDER_STEP_LABELS = {
  remind: { 'zh-CN': '到期提醒（提前 {days} 天）', en: 'Reminder ({days} days before)' },
  overdue: { 'zh-CN': '逾期通知（报区县生态环境局）', en: 'Overdue notice (district bureau informed)' },
  escalated: { 'zh-CN': '逾期升级（报市生态环境局）', en: 'Escalated to the city bureau' },
} as const satisfies Record<'remind' | 'overdue' | 'escalated', Text>;

/** Who acts on a round in a state, for reminders: the enterprise side (with its agency), the district or the city. */
export type ActorGroup = 'enterprise' | 'district' | 'city';

export function actorGroupOf(state: RoundState): ActorGroup | null {
  const roles: readonly string[] = NEXT_ACTOR[state];
  if (roles.includes('enterprise_user')) return 'enterprise';
  if (roles.includes('district_staff')) return 'district';
  if (roles.includes('city_admin') || roles.includes('city_staff')) return 'city';
  return null;
}

/** States the engine watches: published, unfinished rounds with a deadline of their own. */
export function watchedStates(): { state: RoundState; kind: DeadlineKind; actor: ActorGroup }[] {
  const out: { state: RoundState; kind: DeadlineKind; actor: ActorGroup }[] = [];
  for (const state of ROUND_STATES) {
    if (state.startsWith('plan_') || state === 'closed' || state === 'withdrawn' || state === 'rolled_over') continue;
    const kind = DEADLINE_BY_STATE[state];
    const actor = actorGroupOf(state);
    if (kind && actor) out.push({ state, kind, actor });
  }
  return out;
}

/** Notification texts; {name} is the enterprise or milestone, {deadline} the deadline's label. */
export const REMINDER_TEXTS = {
  remindTitle: { 'zh-CN': '{deadline}将至：{name}', en: '{deadline} approaching: {name}' },
  remindBody: {
    'zh-CN': '{year}年度清洁生产审核：{name}的{deadline}为 {due}，还剩 {days} 天，请及时办理。',
    en: '{year} cleaner production audit: {deadline} for {name} is {due}, {days} day(s) left. Please act in time.',
  },
  overdueTitle: { 'zh-CN': '已逾期：{name}（{deadline}）', en: 'Overdue: {name} ({deadline})' },
  overdueBody: {
    'zh-CN': '{year}年度清洁生产审核：{name}的{deadline} {due} 已逾期 {days} 天。建议下一步：{step}。',
    en: '{year} cleaner production audit: {deadline} for {name} ({due}) is {days} day(s) overdue. Proposed next step: {step}.',
  },
  escalatedTitle: { 'zh-CN': '逾期升级：{name}（{deadline}）', en: 'Escalated: {name} ({deadline})' },
  escalatedBody: {
    'zh-CN': '{year}年度清洁生产审核：{name}的{deadline} {due} 已逾期 {days} 天，报市局督办。建议下一步：{step}。',
    en: '{year} cleaner production audit: {deadline} for {name} ({due}) is {days} day(s) overdue and is escalated to the city. Proposed next step: {step}.',
  },
  milestone: { 'zh-CN': '年度工作节点', en: 'Campaign milestone' },
} as const satisfies Record<string, Text>;
