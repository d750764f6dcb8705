import type { Locale } from '../i18n/locales';

/**
 * Kinds of in-app notifications. The kind is a code stored with every notification so that later
 * channels (e-mail, an inbox with preferences) can route on it; the texts are stored with the row.
 */
export const NOTIFICATION_KINDS = ['list.published', 'result.published',
  // District summaries (附件3): submitted to the city, accepted or returned to the district.
  'summary.submitted', 'summary.reviewed',
  // Transition notices (shared/domain/transitionNotices.ts) and panel assignment.
  'round.noticeIssued', 'round.submitted', 'round.returned', 'round.reviewStarted', 'round.evaluationRecorded',
  'round.acceptanceRecorded', 'round.sideChange', 'panel.assigned', 'panel.meeting',
  // The deadline engine (shared/domain/reminders.ts).
  'deadline.reminder', 'deadline.overdue', 'deadline.escalated'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS = {
  'list.published': { 'zh-CN': '纳入审核名单', en: 'Listed for audit' },
  'summary.submitted': { 'zh-CN': '区县报送工作总结表', en: 'District summary submitted' },
  'summary.reviewed': { 'zh-CN': '工作总结表审核结果', en: 'Summary reviewed by the city' },
  'result.published': { 'zh-CN': '验收结果公布', en: 'Acceptance result published' },
  'round.noticeIssued': { 'zh-CN': '书面通知审核', en: 'Notified in writing' },
  'round.submitted': { 'zh-CN': '企业提交待审', en: 'Submitted for review' },
  'round.returned': { 'zh-CN': '申请退回补正', en: 'Application returned' },
  'round.reviewStarted': { 'zh-CN': '形式审查通过', en: 'Form check passed' },
  'round.evaluationRecorded': { 'zh-CN': '评估结论', en: 'Evaluation result' },
  'round.acceptanceRecorded': { 'zh-CN': '验收结论', en: 'Acceptance result' },
  'round.sideChange': { 'zh-CN': '撤出、滚动或移交执法', en: 'Withdrawn, rolled over or referred' },
  'panel.assigned': { 'zh-CN': '专家组任务', en: 'Panel assignment' },
  'panel.meeting': { 'zh-CN': '评审会安排', en: 'Review meeting' },
  'deadline.reminder': { 'zh-CN': '到期提醒', en: 'Deadline reminder' },
  'deadline.overdue': { 'zh-CN': '逾期通知', en: 'Overdue notice' },
  'deadline.escalated': { 'zh-CN': '逾期升级', en: 'Overdue escalation' },
} as const satisfies Record<NotificationKind, Readonly<Record<Locale, string>>>;
