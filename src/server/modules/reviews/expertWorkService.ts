import type {
  AssignmentPage,
  ExpertPanelWork,
  ExpertWorkSettings,
  ExpertWorkSettingsInput,
  PanelMaterials,
  PreReviewInput,
  RoundExpertWork,
  SignatureInput,
} from '../../../shared/contracts/expertWork';
import type { MyReviewsQuery } from '../../../shared/contracts/reviews';
import { localIsoDate } from '../../../shared/domain/deadlines';
import {
  assignmentFlags,
  MATERIAL_ITEMS,
  materialsDeadline,
  materialsStatus,
  PRE_REVIEW_FIELD_LABELS,
  PRE_REVIEW_PROBLEM_MESSAGES,
  preReviewProblems,
  preReviewsVisible,
  signatureMatches,
} from '../../../shared/domain/expertWork';
import { can } from '../../../shared/domain/permissions';
import type { Db, Queryable } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound, type FieldErrors } from '../../platform/errors';
import * as rounds from '../rounds/repository';
import { ROUND_ENTITY, today } from '../rounds/service';
import * as repo from './expertWorkRepository';
import { PANEL_ENTITY, reviewConflict } from './panelService';
import { panelPreview, signatureView, type ResultPreview } from './signing';

/** Expert work: the expert's assignments and panel page, pre-reviews, signing; the bureau's view of a round's panels. */

/** The panel's material against its deadline (times as stored; the day compared in China time). */
export function materialsOf(panel: Pick<repo.WorkPanelRow, 'kind' | 'materialTimes'>, due: string | null, on: string): PanelMaterials {
  const items = MATERIAL_ITEMS[panel.kind].map((item) => ({ item, availableAt: panel.materialTimes[item] ?? null }));
  const complete = items.every((i) => i.availableAt !== null);
  const availableAt = complete ? items.map((i) => i.availableAt as string).sort().at(-1) ?? null : null;
  const availableOn = availableAt ? localIsoDate(new Date(availableAt)) : null;
  return { items, availableAt, status: materialsStatus(due, availableOn, on) };
}

/** 我的评审 with deadlines: the expert's assignments, meeting, materials deadline, material, flags. */
export async function assignments(db: Db, actor: Actor, query: MyReviewsQuery): Promise<AssignmentPage> {
  const page = await repo.assignments(db, actor.userId, query);
  const on = today();
  return {
    total: page.total,
    items: page.items.map(({ leadDays, materialTimes, ...row }) => {
      const materialsDue = materialsDeadline(row.meetingOn, leadDays);
      const flags = assignmentFlags({
        meetingOn: row.meetingOn,
        today: on,
        decided: row.status === 'decided',
        conflict: row.status === 'conflict',
        workOpen: row.status === 'undeclared' || row.status === 'draft' || row.preReview !== 'submitted',
      });
      return { ...row, materialsDue, materials: materialsOf({ kind: row.kind, materialTimes }, materialsDue, on), ...flags };
    }),
  };
}

async function membershipOf(db: Queryable, actor: Actor, panelId: string, lock = false): Promise<repo.MembershipRow> {
  const row = await repo.membership(db, panelId, actor.userId, lock);
  if (!row) throw notFound(PANEL_ENTITY);
  return row;
}

/** The result members sign: the decided one once the panel decided, else the one the submitted scores give. */
function resultOf(panel: repo.WorkPanelRow, preview: ResultPreview | null): ResultPreview | null {
  if (panel.decidedAt && panel.grade !== null && panel.panelScore !== null) {
    return { score: panel.panelScore, grade: panel.grade, vetoItems: preview?.vetoItems ?? [] };
  }
  return preview;
}

/** The expert's page of a panel beside the score sheet (404 for anyone not an active member). */
export async function expertPanelWork(db: Db, actor: Actor, panelId: string): Promise<ExpertPanelWork> {
  const me = await membershipOf(db, actor, panelId);
  const { panel } = me;
  const on = today();
  const decided = panel.decidedAt !== null;
  const materialsDue = materialsDeadline(panel.meetingOn, panel.leadDays);
  const own = (await repo.ownPreReview(db, panelId, actor.userId)) ?? null;
  const visible = preReviewsVisible({ meetingOn: panel.meetingOn, decided, today: on });
  const others = visible ? await repo.submittedPreReviews(db, [panelId], actor.userId) : [];
  const members = await repo.activeMembers(db, panelId);
  const result = resultOf(panel, await panelPreview(db, panel, members));
  const mine = signatureView(members.find((m) => m.expertUserId === actor.userId)?.signature ?? null, result);
  const flags = assignmentFlags({
    meetingOn: panel.meetingOn,
    today: on,
    decided,
    conflict: me.hasConflict === true,
    workOpen: me.hasConflict !== true && (!me.submittedAt || !own?.submittedAt),
  });
  return {
    panelId,
    kind: panel.kind,
    meetingOn: panel.meetingOn,
    meetingPlace: panel.meetingPlace,
    materialsDue,
    materials: materialsOf(panel, materialsDue, on),
    ...flags,
    myPreReview: own,
    canEditPreReview: !decided && me.hasConflict === false && !own?.submittedAt,
    preReviewsVisible: visible,
    otherPreReviews: others.map(({ panelId: _panel, ...p }) => p),
    signing: {
      result: result ? { ...result, grade: result.grade as ResultGrade } : null,
      mySignature: mine,
      canSign: !decided && me.hasConflict === false && !!me.submittedAt && !!result && !mine?.current,
      members: members.map((m) => ({
        displayName: m.displayName,
        submitted: !!m.submittedAt,
        signedAt: signatureView(m.signature, result)?.current ? (m.signature?.signedAt ?? null) : null,
      })),
    },
  };
}
type ResultGrade = NonNullable<ExpertPanelWork['signing']['result']>['grade'];

const decidedConflict = () => reviewConflict({ 'zh-CN': '专家组已作出结论', en: 'the panel has already decided' });

function requireNoConflict(me: repo.MembershipRow): void {
  if (me.hasConflict === null) {
    throw reviewConflict({ 'zh-CN': '请先声明回避情况', en: 'declare conflicts of interest first' });
  }
  if (me.hasConflict) {
    throw reviewConflict({ 'zh-CN': '已声明需要回避，不参与本次评审', en: 'a member with a declared conflict does not take part' });
  }
}

/** Save the pre-review form as a draft, or submit it (every required field; read-only afterwards). */
export async function savePreReview(db: Db, actor: Actor, panelId: string, input: PreReviewInput, meta: RequestMeta): Promise<ExpertPanelWork> {
  const values: repo.PreReviewValues = {
    overallImpression: input.overallImpression ?? null,
    mainProblems: input.mainProblems ?? null,
    questions: input.questions ?? null,
    suggestedRevisions: input.suggestedRevisions ?? null,
    preliminaryConclusion: input.preliminaryConclusion ?? null,
  };
  await db.transaction(async (tx) => {
    const me = await membershipOf(tx, actor, panelId, true);
    if (me.panel.decidedAt) throw decidedConflict();
    requireNoConflict(me);
    const existing = await repo.ownPreReview(tx, panelId, actor.userId);
    if (existing?.submittedAt) {
      throw reviewConflict({ 'zh-CN': '预审意见已提交，不能修改', en: 'the pre-review is submitted and can no longer be changed' });
    }
    const problems = Object.entries(preReviewProblems(me.panel.kind, values, input.submit));
    if (problems.length) {
      const fields: FieldErrors = {};
      for (const [field, problem] of problems) {
        const label = PRE_REVIEW_FIELD_LABELS[field as keyof typeof PRE_REVIEW_FIELD_LABELS];
        fields[field] = (l) => `“${label[l]}”${l === 'zh-CN' ? '' : ' '}${PRE_REVIEW_PROBLEM_MESSAGES[problem][l]}`;
      }
      throw new AppError('VALIDATION_FAILED', {}, fields);
    }
    await repo.savePreReview(tx, me.panel, actor.userId, values, input.submit);
    await recordAudit(tx, actor, meta, {
      action: input.submit ? 'panel.preReviewSubmitted' : 'panel.preReviewSaved',
      entityId: panelId,
      after: { roundId: me.panel.roundId, ...values },
    });
  });
  return expertPanelWork(db, actor, panelId);
}

/**
 * A member signs the panel result (签字确认) by typing their full name as registered (account or expert profile):
 * after their own scores, once every active member has submitted, before the decision. A signature of a result
 * that has since changed can be renewed.
 */
export async function signResult(db: Db, actor: Actor, panelId: string, input: SignatureInput, meta: RequestMeta): Promise<ExpertPanelWork> {
  await db.transaction(async (tx) => {
    const me = await membershipOf(tx, actor, panelId, true);
    if (me.panel.decidedAt) throw decidedConflict();
    requireNoConflict(me);
    if (!me.submittedAt) {
      throw reviewConflict({ 'zh-CN': '请先提交本人评分，再签字确认', en: 'submit your scores before signing' });
    }
    const members = await repo.activeMembers(tx, panelId);
    const result = await panelPreview(tx, me.panel, members);
    if (!result) {
      const waiting = members.filter((m) => !m.submittedAt).map((m) => m.displayName);
      throw reviewConflict({
        'zh-CN': `专家组尚有成员未提交评分（${waiting.join('、')}），结果确定后方可签字`,
        en: `not every member has submitted scores yet (${waiting.join(', ')}); sign once the result is complete`,
      });
    }
    const mine = signatureView(members.find((m) => m.expertUserId === actor.userId)?.signature ?? null, result);
    if (mine?.current) throw reviewConflict({ 'zh-CN': '已签字确认', en: 'you have already signed this result' });
    const name = input.fullName.trim();
    if (!signatureMatches(name, me.displayName) && !(me.profileName && signatureMatches(name, me.profileName))) {
      throw new AppError('VALIDATION_FAILED', {}, {
        fullName: (l) => (l === 'zh-CN' ? '与登记的专家姓名不一致，请输入本人全名' : 'does not match the registered name of the expert; type your full name'),
      });
    }
    await repo.saveSignature(tx, me.panel, actor.userId, name, result);
    await recordAudit(tx, actor, meta, {
      action: 'panel.signed',
      entityId: panelId,
      after: { roundId: me.panel.roundId, signedName: name, score: result.score, grade: result.grade },
    });
  });
  return expertPanelWork(db, actor, panelId);
}

/** The bureau's view of a round's panels: material timeliness, each member's pre-review, signature and rating. */
export async function roundExpertWork(db: Db, actor: Actor, roundId: string): Promise<RoundExpertWork> {
  const round = await rounds.findRound(db, actor.scope, roundId);
  if (!round) throw notFound(ROUND_ENTITY);
  const panels = await repo.roundWorkPanels(db, roundId);
  const on = today();
  const ids = panels.map((p) => p.id);
  const members = await repo.memberWork(db, ids);
  const visibleIds = panels.filter((p) => preReviewsVisible({ meetingOn: p.meetingOn, decided: p.decidedAt !== null, today: on })).map((p) => p.id);
  const preReviews = await repo.submittedPreReviews(db, visibleIds);
  const rate = can(actor.role, 'expertWork.rate');
  const out: RoundExpertWork['panels'] = [];
  for (const panel of panels) {
    // Only an undecided panel needs its result previewed (at most one per kind and round).
    const preview = panel.decidedAt ? null : await panelPreview(db, panel, await repo.activeMembers(db, panel.id));
    const result = resultOf(panel, preview);
    const materialsDue = materialsDeadline(panel.meetingOn, panel.leadDays);
    out.push({
      panelId: panel.id,
      kind: panel.kind,
      formedAt: panel.formedAt,
      decidedAt: panel.decidedAt,
      grade: panel.grade as RoundExpertWork['panels'][number]['grade'],
      panelScore: panel.panelScore,
      meetingOn: panel.meetingOn,
      meetingPlace: panel.meetingPlace,
      materialsDue,
      materials: materialsOf(panel, materialsDue, on),
      members: members
        .filter((m) => m.panelId === panel.id)
        .map(({ panelId: _panel, signature, ...m }) => ({ ...m, signature: signatureView(signature, result) })),
      preReviewsVisible: visibleIds.includes(panel.id),
      preReviews: preReviews.filter((p) => p.panelId === panel.id).map(({ panelId: _panel, ...p }) => p),
      canRate: rate && panel.decidedAt !== null,
    });
  }
  const city = await db.query<{ cityCode: string }>('SELECT city_code AS "cityCode" FROM audit_rounds WHERE id = $1', [roundId]);
  const cityCode = city.rows[0]?.cityCode;
  if (!cityCode) throw notFound(ROUND_ENTITY);
  return { leadDays: (await repo.leadDays(db, cityCode)).days, panels: out };
}

// --- settings ---

function cityOf(actor: Actor): string {
  if (actor.scope.kind === 'city') return actor.scope.cityCode;
  throw new AppError('FORBIDDEN');
}

export async function getSettings(db: Db, actor: Actor): Promise<ExpertWorkSettings> {
  const stored = await repo.leadDays(db, cityOf(actor));
  return { materialsLeadWorkingDays: stored.days, isDefault: stored.isDefault, updatedAt: stored.updatedAt };
}

export async function saveSettings(db: Db, actor: Actor, input: ExpertWorkSettingsInput, meta: RequestMeta): Promise<ExpertWorkSettings> {
  const cityCode = cityOf(actor);
  await db.transaction(async (tx) => {
    await tx.query('SELECT 1 FROM expert_work_settings WHERE city_code = $1 FOR UPDATE', [cityCode]);
    const before = await repo.leadDays(tx, cityCode);
    await repo.saveLeadDays(tx, cityCode, input.materialsLeadWorkingDays, actor.userId);
    const changes = diff({ materialsLeadWorkingDays: before.days }, { materialsLeadWorkingDays: input.materialsLeadWorkingDays });
    await recordAudit(tx, actor, meta, {
      action: 'expertWork.settingsUpdated',
      entityId: cityCode,
      ...(changes ?? { before: null, after: { materialsLeadWorkingDays: input.materialsLeadWorkingDays } }),
    });
  });
  return getSettings(db, actor);
}
