import {
  APPLICATION_PURPOSES,
  APPLICATION_PURPOSE_LABELS,
  APPLICATION_UPLOAD_RULES,
  OPINION_KIND_LABELS,
  OPINION_STATES,
  type ApplicationFileList,
  type ApplicationPurpose,
  type OpinionBody,
  type OpinionKind,
  type OpinionList,
  type ReviewOpinion,
} from '../../../shared/contracts/applications';
import type { StoredFileInfo } from '../../../shared/contracts/roundMaterial';
import { addMonths } from '../../../shared/domain/deadlines';
import type { Role } from '../../../shared/domain/roles';
import { GRADE_LABELS } from '../../../shared/domain/scoring';
import { ROUND_STATE_LABELS } from '../../../shared/domain/roundStates';
import type { Db, Queryable } from '../../db/types';
import { diff, recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound, type FieldErrors } from '../../platform/errors';
import { insertFile, type StoredFile } from '../../platform/files';
import { opinionDocument, type PanelResult } from './applicationDocuments';
import * as repo from './applicationRepository';
import * as material from './materialRepository';
import type { Receive } from './materialService';
import { ROUND_ENTITY } from './service';

export const OPINION_ENTITY = { 'zh-CN': '评审意见', en: 'Review opinion' } as const;

async function scopedRound(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<material.RoundKeys> {
  const round = await material.findRoundKeys(db, actor.scope, id, forUpdate);
  if (!round) throw notFound(ROUND_ENTITY);
  return round;
}

const mayUpload = (purpose: ApplicationPurpose, role: Role) => APPLICATION_UPLOAD_RULES[purpose].roles.includes(role);

function assertUploadable(round: material.RoundKeys, purpose: ApplicationPurpose, role: Role): void {
  if (!mayUpload(purpose, role)) throw new AppError('FORBIDDEN');
  if (!APPLICATION_UPLOAD_RULES[purpose].states.includes(round.state)) {
    throw new LocalizedError('ROUND_MATERIAL_LOCKED', {
      state: ROUND_STATE_LABELS[round.state],
      material: APPLICATION_PURPOSE_LABELS[purpose],
    });
  }
}

// --- files ---

/**
 * Store an uploaded file of an application purpose. Scope (404), role (403) and state (409) are checked
 * before a byte is read, and again on the locked round in the transaction that writes the rows.
 */
export async function uploadApplicationFile(
  db: Db,
  actor: Actor,
  id: string,
  purpose: ApplicationPurpose,
  receive: Receive,
  meta: RequestMeta,
): Promise<StoredFileInfo> {
  assertUploadable(await scopedRound(db, actor, id), purpose, actor.role);
  const blob = await receive();
  return db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    assertUploadable(round, purpose, actor.role);
    const file: StoredFile = await insertFile(tx, blob, {
      uploadedBy: actor.userId,
      cityCode: round.cityCode,
      districtCode: round.districtCode,
    });
    await repo.linkApplicationFile(tx, round, file.id, purpose);
    await recordAudit(tx, actor, meta, {
      action: 'round.fileUploaded',
      entityId: round.id,
      after: { purpose, fileId: file.id, name: file.originalName, sha256: file.sha256, size: file.size, mediaType: file.mediaType },
    });
    return file;
  });
}

export async function listApplicationFiles(db: Queryable, actor: Actor, id: string): Promise<ApplicationFileList> {
  const round = await scopedRound(db, actor, id);
  return {
    items: await repo.listApplicationFiles(db, round.id, APPLICATION_PURPOSES),
    uploadable: APPLICATION_PURPOSES.filter(
      (p) => mayUpload(p, actor.role) && APPLICATION_UPLOAD_RULES[p].states.includes(round.state),
    ),
  };
}

// --- review opinions ---

const mayRecord = (role: Role) => role === 'district_staff';

export async function listOpinions(db: Queryable, actor: Actor, id: string): Promise<OpinionList> {
  const round = await scopedRound(db, actor, id);
  return {
    items: await repo.listOpinions(db, round.id),
    editable: {
      evaluation: mayRecord(actor.role) && round.state === OPINION_STATES.evaluation,
      acceptance: mayRecord(actor.role) && round.state === OPINION_STATES.acceptance,
    },
  };
}

const ONLY_EVALUATION = {
  'zh-CN': '仅技术审查意见可填写此项',
  en: 'applies to technical review opinions only',
} as const;
const BEFORE_ISSUED = { 'zh-CN': '不能早于出具日期', en: 'cannot be before the date issued' } as const;

/**
 * Record the opinion of the round's current review, or edit it while the review lasts (district staff of
 * the round's district, round in evaluation_review / acceptance_review). An evaluation opinion without
 * an acceptance deadline gets issued on + the campaign's months; see repo.syncAcceptanceDue for how
 * the deadline reaches the round.
 */
export async function saveOpinion(
  db: Db,
  actor: Actor,
  id: string,
  kind: OpinionKind,
  body: OpinionBody,
  meta: RequestMeta,
): Promise<ReviewOpinion> {
  return db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    if (!mayRecord(actor.role)) throw new AppError('FORBIDDEN');
    if (round.state !== OPINION_STATES[kind]) {
      throw new LocalizedError('ROUND_MATERIAL_LOCKED', { state: ROUND_STATE_LABELS[round.state], material: OPINION_KIND_LABELS[kind] });
    }
    const fields: FieldErrors = {};
    const options = body.optionsToImplement?.trim() || null;
    if (kind === 'acceptance') {
      if (options) fields.optionsToImplement = (l) => ONLY_EVALUATION[l];
      if (body.acceptanceDue) fields.acceptanceDue = (l) => ONLY_EVALUATION[l];
    } else if (body.acceptanceDue && body.acceptanceDue < body.issuedOn) {
      fields.acceptanceDue = (l) => BEFORE_ISSUED[l];
    }
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', {}, fields);
    const values: repo.OpinionValues = {
      opinionNo: body.opinionNo,
      issuedOn: body.issuedOn,
      body: body.body,
      optionsToImplement: kind === 'evaluation' ? options : null,
      acceptanceDue:
        kind === 'evaluation' ? (body.acceptanceDue ?? addMonths(body.issuedOn, await repo.acceptanceMonths(tx, round.id))) : null,
    };
    const existing = await repo.currentOpinion(tx, round.id, kind);
    let opinionId: string;
    if (existing) {
      opinionId = existing.id;
      const changes = diff(
        {
          opinionNo: existing.opinionNo,
          issuedOn: existing.issuedOn,
          body: existing.body,
          optionsToImplement: existing.optionsToImplement,
          acceptanceDue: existing.acceptanceDue,
        },
        { ...values },
      );
      if (!changes) return existing;
      await repo.updateOpinion(tx, existing.id, values, actor.userId);
      await recordAudit(tx, actor, meta, { action: 'round.opinionUpdated', entityId: round.id, ...changes });
    } else {
      opinionId = await repo.insertOpinion(tx, round, kind, values, actor.userId);
      await recordAudit(tx, actor, meta, {
        action: 'round.opinionRecorded',
        entityId: round.id,
        after: { kind, opinionId, ...values },
      });
    }
    if (kind === 'evaluation') await repo.syncAcceptanceDue(tx, round.id);
    const saved = await repo.findOpinion(tx, round.id, opinionId);
    if (!saved) throw new Error('opinion not found after saving');
    return saved;
  });
}

/** The panel's score and grade for the document, once the review's result is recorded. */
async function panelResult(db: Queryable, opinion: ReviewOpinion): Promise<PanelResult | null> {
  const found = await repo.panelResultFor(db, opinion);
  if (!found) return null;
  const grade = GRADE_LABELS[found.grade as keyof typeof GRADE_LABELS] as { 'zh-CN': string } | undefined;
  return { score: found.score, gradeLabel: grade?.['zh-CN'] ?? found.grade };
}

/** The .docx of an opinion of a round in the caller's scope. */
export async function opinionDocx(
  db: Queryable,
  actor: Actor,
  id: string,
  opinionId: string,
): Promise<{ bytes: Buffer; fileName: string }> {
  const round = await scopedRound(db, actor, id);
  const opinion = await repo.findOpinion(db, round.id, opinionId);
  if (!opinion) throw notFound(OPINION_ENTITY);
  const data = await repo.documentRound(db, round.id);
  if (!data) throw notFound(ROUND_ENTITY);
  return opinionDocument({ round: data, opinion, panel: await panelResult(db, opinion) });
}
