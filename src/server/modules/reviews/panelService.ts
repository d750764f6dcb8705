import type { ExpertOption, PanelFormInput, PanelMeetingInput, ReplaceMemberInput, RoundPanels } from '../../../shared/contracts/reviews';
import { localIsoDate } from '../../../shared/domain/deadlines';
import { can } from '../../../shared/domain/permissions';
import { expertTotal, validatePanelSize, type GradingRule, type ScoreSheetKind } from '../../../shared/domain/scoring';
import type { Locale } from '../../../shared/i18n/locales';
import type { Db, Queryable } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound, type FieldErrors } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import * as rounds from '../rounds/repository';
import { ROUND_ENTITY } from '../rounds/service';
import { cityOf } from './configService';
import * as config from './configRepository';
import * as repo from './panelRepository';
import { notifyPanelAssigned, notifyPanelMeeting } from '../notifications/transitionNotices';
import { recordManualChoice } from '../experts/manualChoice';

export const PANEL_ENTITY = { 'zh-CN': '专家组', en: 'Expert panel' } as const;

type Text = Readonly<Record<Locale, string>>;
export const reviewConflict = (reason: Text) => new LocalizedError('REVIEW_CONFLICT', { reason });

/** The panel kind a round's state is reviewed by, if any. */
export function kindUnderReview(state: string): ScoreSheetKind | null {
  if (state === 'evaluation_review') return 'evaluation';
  if (state === 'acceptance_review') return 'acceptance';
  return null;
}

async function roundKeys(db: Queryable, roundId: string): Promise<{ cityCode: string; districtCode: string }> {
  const { rows } = await db.query<{ cityCode: string; districtCode: string }>(
    'SELECT city_code AS "cityCode", district_code AS "districtCode" FROM audit_rounds WHERE id = $1',
    [roundId],
  );
  const keys = rows[0];
  if (!keys) throw new Error(`round ${roundId} vanished`);
  return keys;
}

export function ruleText(rule: GradingRule): Text {
  return {
    'zh-CN': `评分规则要求专家组不少于 ${rule.minPanelSize} 人${rule.requireOdd ? '且为奇数' : ''}`,
    en: `the grading rule requires at least ${rule.minPanelSize} experts${rule.requireOdd ? ', an odd number' : ''}`,
  };
}

/** The panels of a round the caller can see; experts' totals appear once a panel has decided. */
export async function roundPanels(db: Db, actor: Actor, roundId: string): Promise<RoundPanels> {
  const round = await rounds.findRound(db, actor.scope, roundId);
  if (!round) throw notFound(ROUND_ENTITY);
  const { cityCode } = await roundKeys(db, roundId);
  const [stored, rule] = await Promise.all([repo.roundPanels(db, roundId), config.gradingRule(db, cityCode)]);
  const sheetIds = [...new Set(stored.map((p) => p.sheetId))];
  const sheets = new Map((await Promise.all(sheetIds.map((id) => config.sheetById(db, id)))).flatMap((s) => (s ? [[s.id, s]] : [])));
  const panels = stored.map((panel) => {
    const sheet = sheets.get(panel.sheetId);
    return {
      ...panel,
      members: panel.members.map((m) => {
        const { scores, ...member } = m as typeof m & { scores: Record<string, number | boolean> | null };
        const total = panel.decidedAt && sheet && scores && m.submittedAt && !m.replacedAt ? expertTotal(config.toDomainSheet(sheet), scores) : null;
        return { ...member, total };
      }),
    };
  });
  const manage = can(actor.role, 'panel.manage');
  const kind = kindUnderReview(round.state);
  const canForm = manage && kind && !panels.some((p) => p.kind === kind && !p.decidedAt) ? kind : null;
  const lastEvaluation = panels.find((p) => p.kind === 'evaluation' && p.decidedAt);
  const canConfirmRevision =
    manage &&
    !!lastEvaluation?.decidedAt &&
    lastEvaluation.grade === 'pass_with_revision' &&
    !lastEvaluation.revisionConfirmedAt &&
    (await repo.reportUploadedAfter(db, roundId, lastEvaluation.decidedAt));
  const myPanelIds = panels.filter((p) => p.members.some((m) => m.expertUserId === actor.userId && !m.replacedAt)).map((p) => p.id);
  return { panels, rule, canForm, canManage: manage, canConfirmRevision, myPanelIds };
}

export async function listExperts(db: Db, actor: Actor): Promise<ExpertOption[]> {
  return repo.cityExperts(db, cityOf(actor));
}

async function checkExperts(db: Queryable, cityCode: string, field: string, ids: readonly string[]): Promise<void> {
  const found = new Set((await repo.cityExperts(db, cityCode, ids)).map((e) => e.id));
  const fields: FieldErrors = {};
  ids.forEach((id, i) => {
    if (!found.has(id)) {
      const path = field === 'expertUserIds' ? `expertUserIds.${i}` : field;
      fields[path] = (l) => (l === 'zh-CN' ? '不是本市在用的专家账号' : 'is not an active expert of the city');
    }
  });
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
}

/** The district forms the panel of a round under review, by manual choice of the city's active experts. */
export async function formPanel(db: Db, actor: Actor, roundId: string, input: PanelFormInput, meta: RequestMeta): Promise<RoundPanels> {
  const ids = input.expertUserIds;
  const duplicate = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (duplicate >= 0) {
    throw new AppError('VALIDATION_FAILED', {}, {
      [`expertUserIds.${duplicate}`]: (l) => (l === 'zh-CN' ? '同一位专家不能重复选择' : 'the same expert is chosen twice'),
    });
  }
  try {
    await db.transaction(async (tx) => {
      const round = await rounds.findRound(tx, actor.scope, roundId);
      if (!round) throw notFound(ROUND_ENTITY);
      const kind = kindUnderReview(round.state);
      if (!kind) {
        throw reviewConflict({ 'zh-CN': '审核轮次不在专家评估或验收阶段', en: 'the round is not under expert evaluation or acceptance' });
      }
      const keys = await roundKeys(tx, roundId);
      const rule = await config.gradingRule(tx, keys.cityCode);
      const size = validatePanelSize(ids.length, rule);
      if (!size.ok) {
        const text = ruleText(rule);
        throw new AppError('VALIDATION_FAILED', {}, {
          expertUserIds: (l) => (l === 'zh-CN' ? `${text[l]}，现为 ${ids.length} 人` : `${text[l]}; ${ids.length} chosen`),
        });
      }
      await checkExperts(tx, keys.cityCode, 'expertUserIds', ids);
      if (await repo.openPanelId(tx, roundId, kind)) throw panelExists();
      const sheet = await config.currentSheet(tx, keys.cityCode, kind);
      if (!sheet) throw new Error(`city ${keys.cityCode} has no ${kind} score sheet`);
      const panelId = await repo.insertPanel(tx, { id: roundId, ...keys }, kind, sheet.id, actor.userId, ids);
      await recordManualChoice(tx, actor, meta, { roundId, panelId, kind, replacedUserId: null, chosen: ids, reason: input.reason, ...keys });
      await notifyPanelAssigned(tx, panelId, ids);
      await recordAudit(tx, actor, meta, {
        action: 'panel.formed',
        entityId: panelId,
        after: { roundId, kind, sheetId: sheet.id, sheetVersion: sheet.version, expertUserIds: [...ids] },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'review_panels_open_uq')) throw panelExists();
    throw error;
  }
  return roundPanels(db, actor, roundId);
}

const panelExists = () =>
  reviewConflict({ 'zh-CN': '该轮次已有未作结论的专家组', en: 'the round already has an undecided panel' });

const panelDecided = () => reviewConflict({ 'zh-CN': '专家组已作出结论', en: 'the panel has already decided' });

/** Replace a member who declared a conflict or has not submitted scores. */
export async function replaceMember(db: Db, actor: Actor, panelId: string, input: ReplaceMemberInput, meta: RequestMeta): Promise<RoundPanels> {
  const roundId = await db.transaction(async (tx) => {
    const panel = await repo.findPanel(tx, actor.scope, panelId, true);
    if (!panel) throw notFound(PANEL_ENTITY);
    if (panel.decidedAt) throw panelDecided();
    const members = await repo.panelMembers(tx, panelId);
    const outgoing = members.find((m) => m.expertUserId === input.outgoingUserId && !m.replacedAt);
    if (!outgoing) {
      throw new AppError('VALIDATION_FAILED', {}, {
        outgoingUserId: (l) => (l === 'zh-CN' ? '不是该专家组的在任成员' : 'is not an active member of the panel'),
      });
    }
    if (outgoing.submittedAt && outgoing.hasConflict !== true) {
      throw reviewConflict({ 'zh-CN': '该专家已提交评分，不能更换', en: 'the expert has submitted scores and cannot be replaced' });
    }
    if (members.some((m) => m.expertUserId === input.incomingUserId)) {
      throw new AppError('VALIDATION_FAILED', {}, {
        incomingUserId: (l) => (l === 'zh-CN' ? '已是（或曾是）该专家组成员' : 'is or was already a member of the panel'),
      });
    }
    await checkExperts(tx, panel.cityCode, 'incomingUserId', [input.incomingUserId]);
    await repo.replaceMember(tx, panelId, input.outgoingUserId, input.incomingUserId, actor.userId);
    await recordManualChoice(tx, actor, meta, {
      roundId: panel.roundId,
      panelId,
      kind: panel.kind,
      replacedUserId: input.outgoingUserId,
      chosen: [input.incomingUserId],
      reason: input.reason,
      cityCode: panel.cityCode,
      districtCode: panel.districtCode,
    });
    await notifyPanelAssigned(tx, panelId, [input.incomingUserId]);
    await recordAudit(tx, actor, meta, {
      action: 'panel.memberReplaced',
      entityId: panelId,
      before: { expertUserId: input.outgoingUserId, hasConflict: outgoing.hasConflict, submitted: !!outgoing.submittedAt },
      after: { expertUserId: input.incomingUserId, roundId: panel.roundId },
    });
    return panel.roundId;
  });
  return roundPanels(db, actor, roundId);
}

/** The district confirms the revised report after a pass-after-revision decision (guard revisionConfirmed). */
export async function confirmRevision(db: Db, actor: Actor, panelId: string, meta: RequestMeta): Promise<RoundPanels> {
  const roundId = await db.transaction(async (tx) => {
    const panel = await repo.findPanel(tx, actor.scope, panelId, true);
    if (!panel) throw notFound(PANEL_ENTITY);
    if (panel.kind !== 'evaluation' || panel.grade !== 'pass_with_revision' || !panel.decidedAt) {
      throw reviewConflict({ 'zh-CN': '该专家组的结论不是“修改后通过”', en: 'the panel did not grade "pass after revision"' });
    }
    if (panel.revisionConfirmedAt) {
      throw reviewConflict({ 'zh-CN': '修改后的审核报告已确认', en: 'the revised report is already confirmed' });
    }
    const latest = (await repo.roundPanels(tx, panel.roundId)).find((p) => p.kind === 'evaluation' && p.decidedAt);
    if (latest?.id !== panelId) {
      throw reviewConflict({ 'zh-CN': '只能确认最近一次评估的修改', en: 'only the latest evaluation can be confirmed' });
    }
    if (!(await repo.reportUploadedAfter(tx, panel.roundId, panel.decidedAt))) {
      throw reviewConflict({
        'zh-CN': '评估结论作出后尚未上传修改后的审核报告',
        en: 'no revised audit report was uploaded after the decision',
      });
    }
    await repo.confirmRevision(tx, panelId, actor.userId);
    await recordAudit(tx, actor, meta, { action: 'panel.revisionConfirmed', entityId: panelId, after: { roundId: panel.roundId } });
    return panel.roundId;
  });
  return roundPanels(db, actor, roundId);
}

/**
 * Schedules, moves or clears (null) the review meeting of an open panel: the district of the round, in its
 * scope; the date cannot precede the panel's formation. Active members are told of a new date.
 */
export async function scheduleMeeting(db: Db, actor: Actor, panelId: string, input: PanelMeetingInput, meta: RequestMeta): Promise<RoundPanels> {
  const roundId = await db.transaction(async (tx) => {
    const panel = await repo.findPanel(tx, actor.scope, panelId, true);
    if (!panel) throw notFound(PANEL_ENTITY);
    if (panel.decidedAt) throw reviewConflict({ 'zh-CN': '专家组已作出结论', en: 'the panel has decided' });
    const current = (await repo.roundPanels(tx, panel.roundId)).find((p) => p.id === panelId);
    const formedOn = localIsoDate(new Date(current?.formedAt ?? Date.now()));
    if (input.meetingOn !== null && input.meetingOn < formedOn) {
      throw new AppError('VALIDATION_FAILED', {}, {
        meetingOn: (l) => (l === 'zh-CN' ? `不能早于专家组组建日期（${formedOn}）` : `must not be before the panel was formed (${formedOn})`),
      });
    }
    const place = input.meetingPlace?.trim() || null;
    await repo.scheduleMeeting(tx, panelId, input.meetingOn, place);
    await recordAudit(tx, actor, meta, {
      action: 'panel.meetingScheduled',
      entityId: panelId,
      before: { meetingOn: current?.meetingOn ?? null, meetingPlace: current?.meetingPlace ?? null },
      after: { meetingOn: input.meetingOn, meetingPlace: place },
    });
    if (input.meetingOn !== null && input.meetingOn !== current?.meetingOn) {
      const active = (current?.members ?? []).filter((m) => m.replacedAt === null).map((m) => m.expertUserId);
      await notifyPanelMeeting(tx, panelId, active, { on: input.meetingOn, place });
    }
    return panel.roundId;
  });
  return roundPanels(db, actor, roundId);
}
