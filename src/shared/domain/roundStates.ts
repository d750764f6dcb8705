import type { Locale } from '../i18n/locales';
import type { Role } from './roles';
import type { GuardName } from './roundGuards';
import type { AcceptanceGrade, EvaluationGrade } from './scoring';

export { GUARDS, GUARD_NAMES, type GuardName } from './roundGuards';

/**
 * The life of one audit round (审核轮次: one enterprise, one listing year), DOMAIN §3.
 * "Overdue" (逾期) is not a state: it is computed from the round's deadlines (see deadlines.ts),
 * so an overdue round keeps its place in the lifecycle.
 */
export const ROUND_STATES = [
  'plan_proposed',
  'plan_approved',
  'plan_rejected',
  'listed',
  'notified',
  'disclosed',
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
  'accepted',
  'closed',
  'withdrawn',
  'rolled_over',
  'referred',
] as const;
export type RoundState = (typeof ROUND_STATES)[number];

/** A round is created (by a district proposing it, or by the city directly) in this state. */
export const ROUND_INITIAL_STATE = 'plan_proposed' satisfies RoundState;
export const ROUND_CREATOR_ROLES = ['district_staff', 'city_admin', 'city_staff'] as const satisfies readonly Role[];

type Text = Readonly<Record<Locale, string>>;

export const ROUND_STATE_LABELS = {
  plan_proposed: { 'zh-CN': '区县拟纳入', en: 'Proposed by district' },
  plan_approved: { 'zh-CN': '市局已核定（待公布）', en: 'Approved by city (to be published)' },
  plan_rejected: { 'zh-CN': '市局不予纳入', en: 'Not approved by city' },
  listed: { 'zh-CN': '市局核定公布', en: 'Listed (published)' },
  notified: { 'zh-CN': '已书面通知', en: 'Notified in writing' },
  disclosed: { 'zh-CN': '已信息公开', en: 'Information disclosed' },
  audit_started: { 'zh-CN': '审核已启动', en: 'Audit started' },
  report_submitted: { 'zh-CN': '审核报告已提交', en: 'Audit report submitted' },
  evaluation_applied: { 'zh-CN': '已申请评估（形式审查中）', en: 'Evaluation applied (form check)' },
  evaluation_returned: { 'zh-CN': '评估申请退回补正', en: 'Evaluation application returned for correction' },
  evaluation_review: { 'zh-CN': '专家评估中', en: 'Expert evaluation under way' },
  evaluation_failed: { 'zh-CN': '评估不通过（重新审核）', en: 'Evaluation failed (audit to redo)' },
  evaluated: { 'zh-CN': '已通过评估', en: 'Passed evaluation' },
  acceptance_applied: { 'zh-CN': '已申请验收（形式审查中）', en: 'Acceptance applied (form check)' },
  acceptance_returned: { 'zh-CN': '验收申请退回补正', en: 'Acceptance application returned for correction' },
  acceptance_review: { 'zh-CN': '验收中', en: 'Acceptance under way' },
  acceptance_rejected: { 'zh-CN': '验收不合格（整改后重新申请）', en: 'Not accepted (rectify and re-apply)' },
  accepted: { 'zh-CN': '验收合格', en: 'Accepted' },
  closed: { 'zh-CN': '结果已公示', en: 'Result published (closed)' },
  withdrawn: { 'zh-CN': '已撤出（关停/注销）', en: 'Withdrawn (closed down or deregistered)' },
  rolled_over: { 'zh-CN': '滚动纳入下一年度名单', en: "Rolled over into next year's list" },
  referred: { 'zh-CN': '已移交执法', en: 'Referred to enforcement' },
} as const satisfies Record<RoundState, Text>;

export type RoundPhase = 'listing' | 'audit' | 'evaluation' | 'acceptance' | 'done' | 'side';

/** Grouping for work views and progress bars. */
export const ROUND_STATE_PHASE = {
  plan_proposed: 'listing',
  plan_approved: 'listing',
  plan_rejected: 'done',
  listed: 'listing',
  notified: 'audit',
  disclosed: 'audit',
  audit_started: 'audit',
  report_submitted: 'audit',
  evaluation_applied: 'evaluation',
  evaluation_returned: 'evaluation',
  evaluation_review: 'evaluation',
  evaluation_failed: 'evaluation',
  evaluated: 'acceptance',
  acceptance_applied: 'acceptance',
  acceptance_returned: 'acceptance',
  acceptance_review: 'acceptance',
  acceptance_rejected: 'acceptance',
  accepted: 'acceptance',
  closed: 'done',
  withdrawn: 'side',
  rolled_over: 'side',
  referred: 'side',
} as const satisfies Record<RoundState, RoundPhase>;

export const TRANSITION_NAMES = [
  'approveEntry', 'rejectEntry', 'publish', 'notify', 'disclose', 'startAudit', 'submitReport',
  'applyForEvaluation', 'returnEvaluationApplication', 'resubmitEvaluation', 'acceptEvaluationApplication',
  'recordEvaluation', 'restartAudit',
  'applyForAcceptance', 'returnAcceptanceApplication', 'resubmitAcceptance', 'acceptAcceptanceApplication',
  'recordAcceptance', 'reapplyForAcceptance', 'publishResult',
  'withdraw', 'rollOver', 'referToEnforcement',
] as const;
export type TransitionName = (typeof TRANSITION_NAMES)[number];

/**
 * Where a transition leads: one state, or a choice the command makes from the panel's grade
 * (the mapping is data, so the table stays function-free).
 */
export type TransitionTarget =
  | RoundState
  | { readonly by: 'evaluationGrade'; readonly outcomes: Readonly<Record<EvaluationGrade, RoundState>> }
  | { readonly by: 'acceptanceGrade'; readonly outcomes: Readonly<Record<AcceptanceGrade, RoundState>> };

export interface TransitionDef {
  readonly from: readonly RoundState[];
  readonly to: TransitionTarget;
  /** Who may fire it. Data scope (own district / own enterprise / engaged agency) is applied separately. */
  readonly roles: readonly Role[];
  /** Checked by the server inside the transaction, in this order. */
  readonly guards: readonly GuardName[];
  /** The history row must carry a non-blank comment (the reason). */
  readonly requiresComment: boolean;
  /** 'side' transitions leave the main lifecycle (withdrawal, roll-over, referral). */
  readonly kind: 'main' | 'side';
  readonly label: Text;
}

const CITY = ['city_admin', 'city_staff'] as const satisfies readonly Role[];
const DISTRICT = ['district_staff'] as const satisfies readonly Role[];
const BUREAU = ['district_staff', 'city_admin', 'city_staff'] as const satisfies readonly Role[];
/** Enterprise-side work: the enterprise itself, or the agency it engaged (guard 'agencyEngaged'). */
const ENTERPRISE = ['enterprise_user', 'agency_user'] as const satisfies readonly Role[];

/** The states of a published, unfinished round: where the side transitions may start. */
export const ACTIVE_ROUND_STATES = [
  'listed', 'notified', 'disclosed', 'audit_started', 'report_submitted',
  'evaluation_applied', 'evaluation_returned', 'evaluation_review', 'evaluation_failed',
  'evaluated', 'acceptance_applied', 'acceptance_returned', 'acceptance_review', 'acceptance_rejected',
] as const satisfies readonly RoundState[];

const main = { requiresComment: false, kind: 'main' } as const;
const withReason = { requiresComment: true, kind: 'main' } as const;
const side = { requiresComment: true, kind: 'side' } as const;

export const ROUND_TRANSITIONS = {
  approveEntry: {
    ...main, from: ['plan_proposed'], to: 'plan_approved', roles: CITY, guards: [],
    label: { 'zh-CN': '核定纳入', en: 'Approve entry' },
  },
  rejectEntry: {
    ...withReason, from: ['plan_proposed', 'plan_approved'], to: 'plan_rejected', roles: CITY, guards: ['reasonGiven'],
    label: { 'zh-CN': '不予纳入', en: 'Reject entry' },
  },
  publish: {
    ...main, from: ['plan_approved'], to: 'listed', roles: CITY, guards: ['publicationDateSet'],
    label: { 'zh-CN': '公布名单', en: 'Publish list' },
  },
  notify: {
    ...main, from: ['listed'], to: 'notified', roles: DISTRICT, guards: ['noticeIssued'],
    label: { 'zh-CN': '书面通知企业', en: 'Notify enterprise' },
  },
  disclose: {
    ...main, from: ['notified'], to: 'disclosed', roles: ENTERPRISE, guards: ['agencyEngaged', 'hasDisclosureItems'],
    label: { 'zh-CN': '信息公开', en: 'Disclose information' },
  },
  startAudit: {
    ...main, from: ['disclosed'], to: 'audit_started', roles: ENTERPRISE, guards: ['agencyEngaged', 'auditModeChosen'],
    label: { 'zh-CN': '启动审核', en: 'Start audit' },
  },
  submitReport: {
    ...main, from: ['audit_started'], to: 'report_submitted', roles: ENTERPRISE, guards: ['agencyEngaged', 'reportUploaded'],
    label: { 'zh-CN': '提交审核报告', en: 'Submit audit report' },
  },
  applyForEvaluation: {
    ...main, from: ['report_submitted'], to: 'evaluation_applied', roles: ENTERPRISE,
    guards: ['agencyEngaged', 'evaluationMaterialsAttached', 'optionsReadyForEvaluation'],
    label: { 'zh-CN': '申请评估', en: 'Apply for evaluation' },
  },
  returnEvaluationApplication: {
    ...withReason, from: ['evaluation_applied'], to: 'evaluation_returned', roles: DISTRICT, guards: ['reasonGiven'],
    label: { 'zh-CN': '退回评估申请（补正）', en: 'Return evaluation application' },
  },
  resubmitEvaluation: {
    ...main, from: ['evaluation_returned'], to: 'evaluation_applied', roles: ENTERPRISE,
    guards: ['agencyEngaged', 'evaluationMaterialsAttached', 'optionsReadyForEvaluation'],
    label: { 'zh-CN': '重新提交评估申请', en: 'Resubmit evaluation application' },
  },
  acceptEvaluationApplication: {
    ...main, from: ['evaluation_applied'], to: 'evaluation_review', roles: DISTRICT, guards: [],
    label: { 'zh-CN': '评估申请形式审查通过', en: 'Pass evaluation form check' },
  },
  recordEvaluation: {
    ...main, from: ['evaluation_review'],
    to: { by: 'evaluationGrade', outcomes: { pass: 'evaluated', pass_with_revision: 'evaluated', fail: 'evaluation_failed' } },
    roles: DISTRICT, guards: ['panelComplete', 'allScoresIn', 'allMembersSigned', 'reviewOpinionAttached'],
    label: { 'zh-CN': '录入评估结论', en: 'Record evaluation result' },
  },
  restartAudit: {
    ...main, from: ['evaluation_failed'], to: 'audit_started', roles: ENTERPRISE, guards: ['agencyEngaged'],
    label: { 'zh-CN': '重新开展审核', en: 'Restart audit' },
  },
  applyForAcceptance: {
    ...main, from: ['evaluated'], to: 'acceptance_applied', roles: ENTERPRISE,
    guards: ['agencyEngaged', 'revisionConfirmed', 'highCostOptionsSettled', 'acceptanceMaterialsAttached'],
    label: { 'zh-CN': '申请验收', en: 'Apply for acceptance' },
  },
  returnAcceptanceApplication: {
    ...withReason, from: ['acceptance_applied'], to: 'acceptance_returned', roles: DISTRICT, guards: ['reasonGiven'],
    label: { 'zh-CN': '退回验收申请（补正）', en: 'Return acceptance application' },
  },
  resubmitAcceptance: {
    ...main, from: ['acceptance_returned'], to: 'acceptance_applied', roles: ENTERPRISE,
    guards: ['agencyEngaged', 'acceptanceMaterialsAttached'],
    label: { 'zh-CN': '重新提交验收申请', en: 'Resubmit acceptance application' },
  },
  acceptAcceptanceApplication: {
    ...main, from: ['acceptance_applied'], to: 'acceptance_review', roles: DISTRICT, guards: [],
    label: { 'zh-CN': '验收申请形式审查通过', en: 'Pass acceptance form check' },
  },
  recordAcceptance: {
    ...main, from: ['acceptance_review'],
    to: { by: 'acceptanceGrade', outcomes: { accepted: 'accepted', rejected: 'acceptance_rejected' } },
    roles: DISTRICT, guards: ['panelComplete', 'allScoresIn', 'allMembersSigned', 'acceptanceOpinionAttached'],
    label: { 'zh-CN': '录入验收结论', en: 'Record acceptance result' },
  },
  reapplyForAcceptance: {
    ...main, from: ['acceptance_rejected'], to: 'acceptance_applied', roles: ENTERPRISE,
    guards: ['agencyEngaged', 'rectificationEvidenceAttached', 'acceptanceMaterialsAttached'],
    label: { 'zh-CN': '整改后重新申请验收', en: 'Re-apply for acceptance after rectification' },
  },
  publishResult: {
    ...main, from: ['accepted'], to: 'closed', roles: CITY, guards: ['publishedInBatch'],
    label: { 'zh-CN': '公示验收结果', en: 'Publish result' },
  },
  withdraw: {
    ...side, from: [...ACTIVE_ROUND_STATES, 'referred'], to: 'withdrawn', roles: BUREAU,
    guards: ['reasonGiven', 'evidenceAttached'],
    label: { 'zh-CN': '撤出名单（关停/注销）', en: 'Withdraw (closed down or deregistered)' },
  },
  rollOver: {
    ...side, from: [...ACTIVE_ROUND_STATES, 'referred'], to: 'rolled_over', roles: BUREAU, guards: ['reasonGiven'],
    label: { 'zh-CN': '滚动纳入下一年度名单', en: "Roll over into next year's list" },
  },
  referToEnforcement: {
    ...side, from: ACTIVE_ROUND_STATES, to: 'referred', roles: BUREAU, guards: ['reasonGiven', 'evidenceAttached'],
    label: { 'zh-CN': '移交执法', en: 'Refer to enforcement' },
  },
} as const satisfies Record<TransitionName, TransitionDef>;

const TABLE: Readonly<Record<TransitionName, TransitionDef>> = ROUND_TRANSITIONS;

/** A transition's definition, widened to TransitionDef (indexing the const table by a union is awkward). */
export function transitionDef(name: TransitionName): TransitionDef {
  return TABLE[name];
}

/**
 * Who is expected to act next in each state, for work views ("待我处理"). Experts act in the review
 * states (scoring) before the district records the result; side transitions are not counted.
 */
export const NEXT_ACTOR = {
  plan_proposed: CITY,
  plan_approved: CITY,
  plan_rejected: [],
  listed: DISTRICT,
  notified: ENTERPRISE,
  disclosed: ENTERPRISE,
  audit_started: ENTERPRISE,
  report_submitted: ENTERPRISE,
  evaluation_applied: DISTRICT,
  evaluation_returned: ENTERPRISE,
  evaluation_review: ['expert', 'district_staff'],
  evaluation_failed: ENTERPRISE,
  evaluated: ENTERPRISE,
  acceptance_applied: DISTRICT,
  acceptance_returned: ENTERPRISE,
  acceptance_review: ['expert', 'district_staff'],
  acceptance_rejected: ENTERPRISE,
  accepted: CITY,
  closed: [],
  withdrawn: [],
  rolled_over: [],
  referred: DISTRICT,
} as const satisfies Record<RoundState, readonly Role[]>;

export type FireCheck = { ok: true } | { ok: false; reason: 'wrongState' | 'wrongRole' };

/** Transition names that may start from `state`, in table order. */
export function transitionsFrom(state: RoundState): TransitionName[] {
  return TRANSITION_NAMES.filter((name) => TABLE[name].from.includes(state));
}

/** Transition names `role` may fire from `state` (guards not evaluated): the action buttons. */
export function transitionsFor(state: RoundState, role: Role): TransitionName[] {
  return transitionsFrom(state).filter((name) => TABLE[name].roles.includes(role));
}

/**
 * Whether `role` may fire `transition` from `state`. The role is checked first, as the server
 * checks permission (403) before state (409).
 */
export function canFire(transition: TransitionName, state: RoundState, role: Role): FireCheck {
  const def = TABLE[transition];
  if (!def.roles.includes(role)) return { ok: false, reason: 'wrongRole' };
  if (!def.from.includes(state)) return { ok: false, reason: 'wrongState' };
  return { ok: true };
}

/** A state with no outgoing transition. */
export function isTerminal(state: RoundState): boolean {
  return transitionsFrom(state).length === 0;
}

export function nextActor(state: RoundState): readonly Role[] {
  return NEXT_ACTOR[state];
}

/** Every state a transition can lead to. */
export function targetsOf(transition: TransitionName): RoundState[] {
  const to = TABLE[transition].to;
  if (typeof to === 'string') return [to];
  return [...new Set<RoundState>(Object.values(to.outcomes))];
}

/** Whether the command must pass a grade to `resolveTarget`. */
export function targetNeeds(transition: TransitionName): 'nothing' | 'evaluationGrade' | 'acceptanceGrade' {
  const to = TABLE[transition].to;
  return typeof to === 'string' ? 'nothing' : to.by;
}

/**
 * The state a transition leads to. Transitions decided by a grade need the panel's grade;
 * a missing or foreign grade is a programming error and throws.
 */
export function resolveTarget(transition: TransitionName, grade?: EvaluationGrade | AcceptanceGrade): RoundState {
  const to = TABLE[transition].to;
  if (typeof to === 'string') return to;
  const outcomes: Readonly<Partial<Record<string, RoundState>>> = to.outcomes;
  const state = grade === undefined ? undefined : outcomes[grade];
  if (state === undefined) {
    throw new RangeError(`resolveTarget: ${transition} needs an ${to.by}, got ${String(grade)}`);
  }
  return state;
}
