import type { Locale } from '../i18n/locales';
import type { NotificationKind } from './notificationKinds';
import type { RoundState, TransitionName } from './roundStates';

type Text = Readonly<Record<Locale, string>>;

/**
 * Who is told about a transition: the round's enterprise (its organisation), the engaged agency's
 * organisation (when an agency is engaged), the district bureau of the round's district, the city bureau.
 */
export const NOTICE_AUDIENCES = ['enterprise', 'agency', 'district', 'city'] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];

/**
 * Placeholders a notice text may use, filled in when the transition fires:
 * {enterprise} the enterprise's name, {year} the listing year, {state} the state the round reached,
 * {next} what to do next (NEXT_STEP_TEXTS of that state), {due} the deadline the round now works towards
 * (or a "no fixed deadline" phrase), {grade} and {score} the panel's result, {comment} the reason given.
 */
export const NOTICE_PLACEHOLDERS = ['enterprise', 'year', 'state', 'next', 'due', 'grade', 'score', 'comment'] as const;
export type NoticePlaceholder = (typeof NOTICE_PLACEHOLDERS)[number];

export interface TransitionNotice {
  readonly kind: NotificationKind;
  readonly audience: readonly NoticeAudience[];
  readonly title: Text;
  readonly body: Text;
}

/** What the party that must act does next, per state the round reaches (for the {next} placeholder). */
export const NEXT_STEP_TEXTS = {
  plan_proposed: { 'zh-CN': '市局核定拟纳入名单', en: 'the city reviews the proposed entry' },
  plan_approved: { 'zh-CN': '市局公布审核名单', en: 'the city publishes the list' },
  plan_rejected: { 'zh-CN': '无需进一步处理', en: 'nothing further is required' },
  listed: { 'zh-CN': '区县书面通知企业', en: 'the district notifies the enterprise in writing' },
  notified: { 'zh-CN': '企业完成信息公开', en: 'the enterprise discloses its information' },
  disclosed: { 'zh-CN': '企业启动清洁生产审核', en: 'the enterprise starts the audit' },
  audit_started: { 'zh-CN': '企业开展审核并提交审核报告', en: 'the enterprise carries out the audit and submits its report' },
  report_submitted: { 'zh-CN': '企业申请评估；区县跟踪指导', en: 'the enterprise applies for evaluation; the district follows up' },
  evaluation_applied: { 'zh-CN': '区县对评估申请进行形式审查', en: 'the district checks the evaluation application' },
  evaluation_returned: { 'zh-CN': '企业补正材料后重新提交评估申请', en: 'the enterprise corrects the material and resubmits' },
  evaluation_review: { 'zh-CN': '区县组织专家评估', en: 'the district organises the expert evaluation' },
  evaluation_failed: { 'zh-CN': '企业重新开展审核', en: 'the enterprise redoes the audit' },
  evaluated: { 'zh-CN': '企业实施中/高费方案并申请验收', en: 'the enterprise implements its options and applies for acceptance' },
  acceptance_applied: { 'zh-CN': '区县对验收申请进行形式审查', en: 'the district checks the acceptance application' },
  acceptance_returned: { 'zh-CN': '企业补正材料后重新提交验收申请', en: 'the enterprise corrects the material and resubmits' },
  acceptance_review: { 'zh-CN': '区县组织专家验收', en: 'the district organises the expert acceptance' },
  acceptance_rejected: { 'zh-CN': '企业整改后重新申请验收', en: 'the enterprise rectifies and re-applies for acceptance' },
  accepted: { 'zh-CN': '市局分批公示验收结果', en: 'the city publishes the result in a batch' },
  closed: { 'zh-CN': '无需进一步处理', en: 'nothing further is required' },
  withdrawn: { 'zh-CN': '无需进一步处理', en: 'nothing further is required' },
  rolled_over: { 'zh-CN': '企业按下一年度名单要求开展审核', en: "the enterprise audits under next year's list" },
  referred: { 'zh-CN': '配合执法部门处理', en: 'cooperate with the enforcement authority' },
} as const satisfies Record<RoundState, Text>;

/** The {due} text when the state the round reached has no deadline. */
export const NO_DEADLINE_TEXT: Text = { 'zh-CN': '无固定期限', en: 'no fixed deadline' };

const ENTERPRISE_SIDE = ['enterprise', 'agency'] as const satisfies readonly NoticeAudience[];
const DISTRICT = ['district'] as const satisfies readonly NoticeAudience[];

const toDistrict = (what: Text): TransitionNotice => ({
  kind: 'round.submitted',
  audience: DISTRICT,
  title: { 'zh-CN': `{enterprise}${what['zh-CN']}`, en: `{enterprise}: ${what.en}` },
  body: {
    'zh-CN': `{enterprise}（{year}年度审核）${what['zh-CN']}，当前状态：{state}。下一步：{next}。期限：{due}。`,
    en: `{enterprise} ({year} audit): ${what.en}. State: {state}. Next: {next}. Due: {due}.`,
  },
});

const sideChange = (what: Text): TransitionNotice => ({
  kind: 'round.sideChange',
  audience: ENTERPRISE_SIDE,
  title: { 'zh-CN': `您单位{year}年度清洁生产审核${what['zh-CN']}`, en: `Your {year} cleaner production audit: ${what.en}` },
  body: {
    'zh-CN': `{enterprise}的{year}年度清洁生产审核${what['zh-CN']}，当前状态：{state}。理由：{comment}。下一步：{next}。`,
    en: `The {year} cleaner production audit of {enterprise}: ${what.en}. State: {state}. Reason: {comment}. Next: {next}.`,
  },
});

const returned = (what: Text): TransitionNotice => ({
  kind: 'round.returned',
  audience: ENTERPRISE_SIDE,
  title: { 'zh-CN': `{enterprise}的${what['zh-CN']}被退回补正`, en: `The ${what.en} of {enterprise} was returned for correction` },
  body: {
    'zh-CN': `区县退回了{enterprise}（{year}年度审核）的${what['zh-CN']}，理由：{comment}。当前状态：{state}。下一步：{next}。期限：{due}。`,
    en: `The district returned the ${what.en} of {enterprise} ({year} audit). Reason: {comment}. State: {state}. Next: {next}. Due: {due}.`,
  },
});

const reviewStarted = (what: Text): TransitionNotice => ({
  kind: 'round.reviewStarted',
  audience: ENTERPRISE_SIDE,
  title: { 'zh-CN': `{enterprise}的${what['zh-CN']}已通过形式审查`, en: `The ${what.en} of {enterprise} passed the form check` },
  body: {
    'zh-CN': `{enterprise}（{year}年度审核）的${what['zh-CN']}已通过形式审查，当前状态：{state}。下一步：{next}，请做好汇报准备。`,
    en: `The ${what.en} of {enterprise} ({year} audit) passed the form check. State: {state}. Next: {next}; prepare to present.`,
  },
});

/**
 * The notice each transition sends, or null when it hands no work to anyone else (the enterprise
 * continuing its own work) or is announced by its own command (list and result publication:
 * notifyListPublished / notifyResultPublished; plan-list transitions act on entries, not rounds).
 */
export const TRANSITION_NOTICES = {
  approveEntry: null,
  rejectEntry: null,
  publish: null,
  notify: {
    kind: 'round.noticeIssued',
    audience: ENTERPRISE_SIDE,
    title: { 'zh-CN': '{enterprise}已收到{year}年度清洁生产审核书面通知', en: '{enterprise} was notified in writing of its {year} audit' },
    body: {
      'zh-CN': '区县已书面通知{enterprise}开展{year}年度强制性清洁生产审核，当前状态：{state}。下一步：{next}，期限：{due}。',
      en: 'The district notified {enterprise} in writing of its {year} mandatory cleaner production audit. State: {state}. Next: {next}, due {due}.',
    },
  },
  disclose: null,
  startAudit: null,
  submitReport: toDistrict({ 'zh-CN': '已提交清洁生产审核报告', en: 'submitted its audit report' }),
  applyForEvaluation: toDistrict({ 'zh-CN': '已申请清洁生产审核评估', en: 'applied for evaluation' }),
  returnEvaluationApplication: returned({ 'zh-CN': '评估申请', en: 'evaluation application' }),
  resubmitEvaluation: toDistrict({ 'zh-CN': '已重新提交评估申请', en: 'resubmitted its evaluation application' }),
  acceptEvaluationApplication: reviewStarted({ 'zh-CN': '评估申请', en: 'evaluation application' }),
  recordEvaluation: {
    kind: 'round.evaluationRecorded',
    audience: ENTERPRISE_SIDE,
    title: { 'zh-CN': '{enterprise}清洁生产审核评估结论：{grade}', en: 'Evaluation result of {enterprise}: {grade}' },
    body: {
      'zh-CN': '{enterprise}（{year}年度审核）专家组评分 {score} 分，评估结论：{grade}，当前状态：{state}。下一步：{next}。期限：{due}。',
      en: 'The panel scored {enterprise} ({year} audit) {score}: {grade}. State: {state}. Next: {next}. Due: {due}.',
    },
  },
  restartAudit: null,
  applyForAcceptance: toDistrict({ 'zh-CN': '已申请清洁生产审核验收', en: 'applied for acceptance' }),
  returnAcceptanceApplication: returned({ 'zh-CN': '验收申请', en: 'acceptance application' }),
  resubmitAcceptance: toDistrict({ 'zh-CN': '已重新提交验收申请', en: 'resubmitted its acceptance application' }),
  acceptAcceptanceApplication: reviewStarted({ 'zh-CN': '验收申请', en: 'acceptance application' }),
  recordAcceptance: {
    kind: 'round.acceptanceRecorded',
    audience: ['enterprise', 'agency', 'city'],
    title: { 'zh-CN': '{enterprise}清洁生产审核验收结论：{grade}', en: 'Acceptance result of {enterprise}: {grade}' },
    body: {
      'zh-CN': '{enterprise}（{year}年度审核）专家组评分 {score} 分，验收结论：{grade}，当前状态：{state}。下一步：{next}。期限：{due}。',
      en: 'The panel scored {enterprise} ({year} audit) {score}: {grade}. State: {state}. Next: {next}. Due: {due}.',
    },
  },
  reapplyForAcceptance: toDistrict({ 'zh-CN': '整改后已重新申请验收', en: 're-applied for acceptance after rectification' }),
  publishResult: null,
  withdraw: sideChange({ 'zh-CN': '已撤出名单', en: 'withdrawn from the list' }),
  rollOver: sideChange({ 'zh-CN': '已滚动纳入下一年度名单', en: "rolled over into next year's list" }),
  referToEnforcement: sideChange({ 'zh-CN': '已移交执法', en: 'referred to enforcement' }),
} as const satisfies Record<TransitionName, TransitionNotice | null>;

/** Transitions announced by their own commands, not by the generic transition command. */
export const NOTIFIED_ELSEWHERE = ['publish', 'publishResult'] as const satisfies readonly TransitionName[];

const NOTICES: Readonly<Record<TransitionName, TransitionNotice | null>> = TRANSITION_NOTICES;

export function transitionNotice(name: TransitionName): TransitionNotice | null {
  return NOTICES[name];
}

/** Fills `{placeholder}`s; an unknown or missing value is left empty. */
export function fillNotice(template: string, values: Readonly<Partial<Record<string, string>>>): string {
  return template.replace(/\{([a-z]+)\}/g, (_, key: string) => values[key] ?? '');
}

/** The placeholders a template uses, in order of appearance. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1] ?? '');
}

/** The notice to an expert added to a review panel (formed, or as a replacement). */
export const PANEL_ASSIGNED_NOTICE = {
  kind: 'panel.assigned',
  title: { 'zh-CN': '您已被选入{enterprise}的{review}专家组', en: 'You are on the {review} panel of {enterprise}' },
  body: {
    'zh-CN': '{district}组建了{enterprise}（{year}年度审核）的{review}专家组，您是成员。请先声明是否需要回避，再完成评分。',
    en: 'The {district} bureau formed the {review} panel of {enterprise} ({year} audit) with you as a member. Declare any conflict of interest first, then score.',
  },
  review: {
    evaluation: { 'zh-CN': '评估', en: 'evaluation' },
    acceptance: { 'zh-CN': '验收', en: 'acceptance' },
  },
} as const satisfies { kind: NotificationKind; title: Text; body: Text; review: Record<string, Text> };

/** To the active members of a panel when the district schedules (or moves) its review meeting. */
export const PANEL_MEETING_NOTICE = {
  kind: 'panel.meeting',
  title: { 'zh-CN': '{enterprise}{review}评审会：{date}', en: '{enterprise} {review} review meeting: {date}' },
  body: {
    'zh-CN': '{district}安排{enterprise}（{year}年度审核）的{review}评审会于{date}在{place}召开。',
    en: 'The {district} bureau scheduled the {review} review meeting of {enterprise} ({year} audit) on {date} at {place}.',
  },
} as const satisfies { kind: NotificationKind; title: Text; body: Text };
