import type { StageCompleteBody, StageProgressInfo } from '../../../shared/contracts/auditStages';
import {
  AUDIT_STAGES,
  AUDIT_STAGE_LABELS,
  STAGE_RECORDING_STATES,
  nextAuditStage,
  type AuditStage,
} from '../../../shared/domain/auditStages';
import { ROUND_STATE_LABELS, type RoundState } from '../../../shared/domain/roundStates';
import type { Db, Queryable } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound } from '../../platform/errors';
import { findRoundKeys, type RoundKeys } from './materialRepository';
import { ROUND_ENTITY, today } from './service';
import * as repo from './stageRepository';

const STAGES_MATERIAL = { 'zh-CN': '审核阶段进度', en: 'audit stage progress' } as const;
const IN_FUTURE = { 'zh-CN': '不能晚于今天', en: 'cannot be later than today' } as const;
const BEFORE_PREVIOUS = {
  'zh-CN': '不能早于上一阶段的完成日期（{date}）',
  en: 'cannot be earlier than the completion of the previous stage ({date})',
} as const;

const isOpen = (state: RoundState) => (STAGE_RECORDING_STATES as readonly RoundState[]).includes(state);

async function scopedRound(db: Queryable, actor: Actor, id: string, forUpdate = false): Promise<RoundKeys> {
  const round = await findRoundKeys(db, actor.scope, id, forUpdate);
  if (!round) throw notFound(ROUND_ENTITY);
  return round;
}

async function progressOf(db: Queryable, round: RoundKeys): Promise<StageProgressInfo> {
  const done = await repo.completedStages(db, round.id);
  const byStage = new Map(done.map((s) => [s.stage, s]));
  return {
    roundId: round.id,
    stages: AUDIT_STAGES.map((stage, i) => {
      const row = byStage.get(stage);
      return {
        stage,
        position: i + 1,
        completedOn: row?.completedOn ?? null,
        note: row?.note ?? null,
        recordedBy: row?.recordedBy ?? null,
        recordedAt: row?.recordedAt ?? null,
      };
    }),
    nextStage: nextAuditStage(done.length),
    open: isOpen(round.state),
  };
}

export async function getStages(db: Queryable, actor: Actor, id: string): Promise<StageProgressInfo> {
  return progressOf(db, await scopedRound(db, actor, id));
}

/**
 * Record the completion of the next audit stage. Only the next stage in order may be completed
 * (another stage: 409 naming the expected one), while the audit is under way (else 409 locked).
 */
export async function completeStage(
  db: Db,
  actor: Actor,
  id: string,
  stage: AuditStage,
  body: StageCompleteBody,
  meta: RequestMeta,
): Promise<StageProgressInfo> {
  return db.transaction(async (tx) => {
    const round = await scopedRound(tx, actor, id, true);
    if (!isOpen(round.state)) {
      throw new LocalizedError('ROUND_MATERIAL_LOCKED', { state: ROUND_STATE_LABELS[round.state], material: STAGES_MATERIAL });
    }
    const done = await repo.completedStages(tx, round.id);
    const already = done.find((s) => s.stage === stage);
    if (already) {
      throw new AppError('AUDIT_STAGE_COMPLETED', { date: already.completedOn }, { stage: (l) => AUDIT_STAGE_LABELS[stage][l] });
    }
    const next = nextAuditStage(done.length);
    if (next !== stage) {
      // next is never null here: every stage completed would have matched `already`.
      const expected = next ?? stage;
      throw new LocalizedError(
        'AUDIT_STAGE_OUT_OF_ORDER',
        { next: AUDIT_STAGE_LABELS[expected], stage: AUDIT_STAGE_LABELS[stage] },
        { stage: (l) => AUDIT_STAGE_LABELS[expected][l] },
      );
    }
    if (body.completedOn > today()) throw new AppError('VALIDATION_FAILED', {}, { completedOn: (l) => IN_FUTURE[l] });
    const previous = done[done.length - 1];
    if (previous && body.completedOn < previous.completedOn) {
      throw new AppError('VALIDATION_FAILED', {}, {
        completedOn: (l) => BEFORE_PREVIOUS[l].replace('{date}', previous.completedOn),
      });
    }
    const record = { stage, position: done.length + 1, completedOn: body.completedOn, note: body.note ?? null };
    await repo.insertStage(tx, round, record, actor.userId);
    await recordAudit(tx, actor, meta, { action: 'round.stageCompleted', entityId: round.id, after: record });
    return progressOf(tx, round);
  });
}
