import type { Locale } from '../i18n/locales';
import type { RoundState } from './roundStates';

/**
 * The seven stages of a cleaner production audit (DOMAIN §4), completed in this order and used to
 * track progress: 审核准备 → 预审核 → 审核 → 方案产生和筛选 → 可行性分析 → 方案实施 → 持续清洁生产.
 */
export const AUDIT_STAGES = [
  'preparation',
  'pre_audit',
  'audit',
  'options',
  'feasibility',
  'implementation',
  'continuous',
] as const;
export type AuditStage = (typeof AUDIT_STAGES)[number];

type Text = Readonly<Record<Locale, string>>;

export const AUDIT_STAGE_LABELS = {
  preparation: { 'zh-CN': '审核准备', en: 'Planning and organisation' },
  pre_audit: { 'zh-CN': '预审核', en: 'Pre-audit' },
  audit: { 'zh-CN': '审核', en: 'Audit' },
  options: { 'zh-CN': '方案产生和筛选', en: 'Generation and screening of options' },
  feasibility: { 'zh-CN': '可行性分析', en: 'Feasibility analysis' },
  implementation: { 'zh-CN': '方案实施', en: 'Implementation of options' },
  continuous: { 'zh-CN': '持续清洁生产', en: 'Continuous cleaner production' },
} as const satisfies Record<AuditStage, Text>;

/** What each stage covers, shown under its step. */
export const AUDIT_STAGE_HINTS = {
  preparation: { 'zh-CN': '组建审核小组、制定工作计划、宣传培训', en: 'Audit team, work plan, awareness and training' },
  pre_audit: { 'zh-CN': '现状调研、确定审核重点和目标、无/低费方案', en: 'Survey, audit focus and targets, first no/low-cost options' },
  audit: { 'zh-CN': '物料、能量、水平衡，分析废物产生原因', en: 'Material, energy and water balances; causes of waste' },
  options: { 'zh-CN': '汇总、筛选清洁生产方案', en: 'Collect and screen the options' },
  feasibility: { 'zh-CN': '技术、环境、经济可行性分析', en: 'Technical, environmental and economic feasibility' },
  implementation: { 'zh-CN': '组织实施方案并汇总效果', en: 'Implement the options and sum up their results' },
  continuous: { 'zh-CN': '建立持续清洁生产机制', en: 'Set up continuous cleaner production' },
} as const satisfies Record<AuditStage, Text>;

/**
 * The states in which stage completions may be recorded: the audit is under way (started) and the
 * round has not been accepted yet.
 */
export const STAGE_RECORDING_STATES = [
  'audit_started',
  'report_submitted',
  'evaluation_applied',
  'evaluation_returned',
  'evaluation_review',
  'evaluation_failed',
  'evaluated',
  'acceptance_applied',
  'acceptance_returned',
  'acceptance_review',
  'acceptance_rejected',
] as const satisfies readonly RoundState[];

/** The stage to complete next, given how many are complete (null when all seven are). */
export function nextAuditStage(completed: number): AuditStage | null {
  return AUDIT_STAGES[completed] ?? null;
}
