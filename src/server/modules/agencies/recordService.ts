import type {
  Auditor,
  AuditorInput,
  AuditorListQuery,
  AuditorPage,
  AuditorPatch,
  Feedback,
  FeedbackInput,
  FeedbackList,
  FeedbackQuery,
  PublicDishonestPage,
  PublicDishonestQuery,
  StatusChangeInput,
  StatusHistory,
} from '../../../shared/contracts/agencies';
import { AGENCY_STATUS_LABELS, statusChangeProblem } from '../../../shared/domain/agencies';
import type { Db } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound } from '../../platform/errors';
import { isUniqueViolation } from '../../platform/sql';
import { ROUND_ENTITY, today } from '../rounds/service';
import * as publicRepo from './publicRepository';
import * as repo from './repository';
import { AGENCY_ENTITY, visibleAgency } from './service';

/** Auditors, district feedback and status decisions of an agency; the public dishonesty list. */

const AUDITOR_ENTITY = { 'zh-CN': '审核人员', en: 'Auditor' } as const;

function certificateTaken(certificateNo: string): AppError {
  return new AppError('AUDITOR_CERTIFICATE_TAKEN', { certificateNo }, {
    certificateNo: (l) => (l === 'zh-CN' ? `证书编号 ${certificateNo} 已登记` : `${certificateNo} is already registered`),
  });
}

async function checkSpecialities(db: Db, codes: readonly string[] | undefined): Promise<void> {
  if (!codes?.length) return;
  const bad = await repo.unknownIndustries(db, codes);
  if (bad.length) {
    throw new AppError('VALIDATION_FAILED', {}, {
      specialities: (l) => `${l === 'zh-CN' ? '含有无效的国民经济行业代码' : 'holds codes that are not GB/T 4754 industry codes'}: ${bad.join(', ')}`,
    });
  }
}

// --- auditors ---

export async function listAuditors(db: Db, actor: Actor, agencyId: string, query: AuditorListQuery): Promise<AuditorPage> {
  await visibleAgency(db, actor, agencyId);
  return repo.listAuditors(db, agencyId, query);
}

export async function createAuditor(db: Db, actor: Actor, agencyId: string, input: AuditorInput, meta: RequestMeta): Promise<Auditor> {
  await visibleAgency(db, actor, agencyId);
  await checkSpecialities(db, input.specialities);
  try {
    return await db.transaction(async (tx) => {
      const agency = await repo.lockAgency(tx, actor.scope, agencyId);
      if (!agency) throw notFound(AGENCY_ENTITY);
      if (await repo.certificateOwner(tx, agencyId, input.certificateNo)) throw certificateTaken(input.certificateNo);
      const id = await repo.insertAuditor(tx, agencyId, agency.cityCode, input);
      const created = await repo.findAuditor(tx, agencyId, id);
      if (!created) throw new Error('created auditor not found');
      await recordAudit(tx, actor, meta, { action: 'agency.auditorCreated', entityId: agencyId, after: created });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'agency_auditors_certificate_uq')) throw certificateTaken(input.certificateNo);
    throw error;
  }
}

export async function updateAuditor(
  db: Db,
  actor: Actor,
  agencyId: string,
  auditorId: string,
  patch: AuditorPatch,
  meta: RequestMeta,
): Promise<Auditor> {
  await visibleAgency(db, actor, agencyId);
  await checkSpecialities(db, patch.specialities);
  try {
    return await db.transaction(async (tx) => {
      if (!(await repo.lockAgency(tx, actor.scope, agencyId))) throw notFound(AGENCY_ENTITY);
      const before = await repo.findAuditor(tx, agencyId, auditorId, true);
      if (!before) throw notFound(AUDITOR_ENTITY);
      if (patch.certificateNo && patch.certificateNo !== before.certificateNo) {
        if (await repo.certificateOwner(tx, agencyId, patch.certificateNo)) throw certificateTaken(patch.certificateNo);
      }
      await repo.updateAuditor(tx, auditorId, patch);
      const after = await repo.findAuditor(tx, agencyId, auditorId);
      if (!after) throw new Error('updated auditor not found');
      const changes = diff(before, after);
      if (changes) {
        await recordAudit(tx, actor, meta, {
          action: 'agency.auditorUpdated',
          entityId: agencyId,
          before: { auditorId, ...changes.before },
          after: { auditorId, ...changes.after },
        });
      }
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'agency_auditors_certificate_uq') && patch.certificateNo) throw certificateTaken(patch.certificateNo);
    throw error;
  }
}

// --- feedback ---

export async function listFeedback(db: Db, actor: Actor, agencyId: string, query: FeedbackQuery): Promise<FeedbackList> {
  await visibleAgency(db, actor, agencyId);
  const list = await repo.listFeedback(db, agencyId, query.page, query.pageSize);
  const district = actor.scope.kind === 'district' ? actor.scope.districtCode : null;
  return { ...list, items: list.items.map((f) => ({ ...f, editable: district !== null && f.districtCode === district })) };
}

/**
 * A district rates the agency's service on one round of its district (one rating per agency and round; saving
 * again edits it). The round must be in the district's scope (else 404) and served by the agency (else 400).
 */
export async function saveFeedback(
  db: Db,
  actor: Actor,
  agencyId: string,
  roundId: string,
  input: FeedbackInput,
  meta: RequestMeta,
): Promise<Feedback> {
  await visibleAgency(db, actor, agencyId);
  return db.transaction(async (tx) => {
    const round = await repo.roundForFeedback(tx, actor.scope, agencyId, roundId);
    if (!round) throw notFound(ROUND_ENTITY);
    if (!round.served) {
      throw new AppError('VALIDATION_FAILED', {}, {
        roundId: (l) => (l === 'zh-CN' ? '该机构未承担此审核轮次的审核服务' : 'was not served by this agency'),
      });
    }
    const before = await repo.findFeedback(tx, agencyId, roundId, true);
    await repo.upsertFeedback(tx, {
      agencyId,
      roundId,
      cityCode: round.cityCode,
      districtCode: round.districtCode,
      rating: input.rating,
      comment: input.comment ?? null,
      userId: actor.userId,
    });
    const after = await repo.findFeedback(tx, agencyId, roundId);
    if (!after) throw new Error('saved feedback not found');
    await recordAudit(tx, actor, meta, {
      action: 'agency.feedbackSaved',
      entityId: agencyId,
      before: before ? { roundId, rating: before.rating, comment: before.comment } : null,
      after: { roundId, rating: after.rating, comment: after.comment },
    });
    return { ...after, editable: true };
  });
}

// --- status ---

export async function statusHistory(db: Db, actor: Actor, agencyId: string): Promise<StatusHistory> {
  await visibleAgency(db, actor, agencyId);
  return { items: await repo.statusHistory(db, agencyId) };
}

/** The city's decision: normal / warned / dishonesty list, with reason, decision number and date; kept in the history. */
export async function changeStatus(
  db: Db,
  actor: Actor,
  agencyId: string,
  input: StatusChangeInput,
  meta: RequestMeta,
): Promise<StatusHistory> {
  await visibleAgency(db, actor, agencyId);
  if (input.decidedOn > today()) {
    throw new AppError('VALIDATION_FAILED', {}, {
      decidedOn: (l) => (l === 'zh-CN' ? '不能晚于今天' : 'cannot be later than today'),
    });
  }
  await db.transaction(async (tx) => {
    const agency = await repo.lockAgency(tx, actor.scope, agencyId);
    if (!agency) throw notFound(AGENCY_ENTITY);
    if (statusChangeProblem(agency.status, input.status)) {
      throw new LocalizedError('AGENCY_STATUS_UNCHANGED', { status: AGENCY_STATUS_LABELS[input.status] }, {
        status: (l) => (l === 'zh-CN' ? '与当前状态相同' : 'is the current status'),
      });
    }
    const id = await repo.insertStatusChange(tx, {
      agencyId,
      cityCode: agency.cityCode,
      from: agency.status,
      to: input.status,
      reason: input.reason,
      decisionNo: input.decisionNo,
      decidedOn: input.decidedOn,
      userId: actor.userId,
    });
    await recordAudit(tx, actor, meta, {
      action: 'agency.statusChanged',
      entityId: agencyId,
      before: { status: agency.status },
      after: { status: input.status, changeId: id, reason: input.reason, decisionNo: input.decisionNo, decidedOn: input.decidedOn },
    });
  });
  return { items: await repo.statusHistory(db, agencyId) };
}

// --- public ---

export function publicDishonestList(db: Db, query: PublicDishonestQuery): Promise<PublicDishonestPage> {
  return publicRepo.listDishonest(db, query);
}
