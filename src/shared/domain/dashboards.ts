import type { Locale } from '../i18n/locales';
import { ROUND_STATES, type RoundState } from './roundStates';

/**
 * Dashboards (统计分析 / 数据看板): how far the rounds of a listing year have come, as a few progress stages
 * that follow the campaign's milestones (disclosure → start → report → evaluation → acceptance). Each round
 * state belongs to exactly one stage; the dashboard counts by stage and the round list filters by it
 * (`?progress=`), from this one table.
 */
type Text = Readonly<Record<Locale, string>>;

export const PROGRESS_STAGES = ['listed', 'disclosed', 'auditing', 'reported', 'evaluated', 'accepted', 'other'] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

export const PROGRESS_STAGE_OF = {
  plan_proposed: 'other',
  plan_approved: 'other',
  plan_rejected: 'other',
  listed: 'listed',
  notified: 'listed',
  disclosed: 'disclosed',
  audit_started: 'auditing',
  evaluation_failed: 'auditing',
  report_submitted: 'reported',
  evaluation_applied: 'reported',
  evaluation_returned: 'reported',
  evaluation_review: 'reported',
  evaluated: 'evaluated',
  acceptance_applied: 'evaluated',
  acceptance_returned: 'evaluated',
  acceptance_review: 'evaluated',
  acceptance_rejected: 'evaluated',
  accepted: 'accepted',
  closed: 'accepted',
  withdrawn: 'other',
  rolled_over: 'other',
  referred: 'other',
} as const satisfies Record<RoundState, ProgressStage>;

export const PROGRESS_STAGE_LABELS = {
  listed: { 'zh-CN': '已公布待公开', en: 'Listed, not yet disclosed' },
  disclosed: { 'zh-CN': '已公开待启动', en: 'Disclosed, audit not started' },
  auditing: { 'zh-CN': '审核中', en: 'Audit under way' },
  reported: { 'zh-CN': '报告已提交（评估中）', en: 'Report submitted (in evaluation)' },
  evaluated: { 'zh-CN': '已通过评估（验收中）', en: 'Evaluated (acceptance pending)' },
  accepted: { 'zh-CN': '验收合格', en: 'Accepted' },
  other: { 'zh-CN': '撤出/滚动/移交', en: 'Withdrawn, rolled over or referred' },
} as const satisfies Record<ProgressStage, Text>;

/** The round states of a progress stage (the round list's `progress` filter). */
export function statesOfStage(stage: ProgressStage): RoundState[] {
  return ROUND_STATES.filter((state) => PROGRESS_STAGE_OF[state] === stage);
}

/** "Due soon" on the dashboards: the next deadline within this many days (today included), like the work view. */
export const DASHBOARD_DUE_SOON_DAYS = 30;
