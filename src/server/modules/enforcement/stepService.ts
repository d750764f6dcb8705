import type {
  CaseInput,
  StepConfirmResult,
  StepDismissBody,
  StepSuggestion,
  StepSuggestionPage,
  StepSuggestionQuery,
} from '../../../shared/contracts/enforcement';
import { DEADLINE_KIND_LABELS } from '../../../shared/domain/deadlines';
import { defaultLegalBasis, ENFORCEMENT_STEP_LABELS, violationForDeadline, type EnforcementStep } from '../../../shared/domain/enforcement';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { today } from '../rounds/service';
import { fireTransition } from '../rounds/transitions';
import { createCaseIn } from './service';
import * as steps from './stepRepository';

const ROUND_ENTITY = { 'zh-CN': '审核轮次', en: 'Audit round' } as const;
/** The correction period pre-filled in an order-to-correct draft (the district changes it as it decides). */
export const DEFAULT_CORRECTION_DAYS = 30;

export function listStepSuggestions(db: Db, actor: Actor, query: StepSuggestionQuery): Promise<StepSuggestionPage> {
  return steps.listStepSuggestions(db, actor.scope, query, today());
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function notAvailable(): AppError {
  return new AppError('SUGGESTION_NOT_AVAILABLE');
}

/** The draft case a confirmed step creates, pre-filled from the round and its overdue deadline. */
function draftOf(s: StepSuggestion, step: 'orderCorrection' | 'penalty', todayIso: string): CaseInput {
  const violationType = violationForDeadline(s.deadlineKind);
  const deadline = DEADLINE_KIND_LABELS[s.deadlineKind]['zh-CN'];
  const late = `${s.enterpriseName}${s.listingYear}年度清洁生产审核${deadline}（${s.dueOn}）已逾期 ${s.daysOverdue} 天`;
  const facts =
    step === 'orderCorrection'
      ? `${late}。`
      : `${late}，经责令限期改正（${s.basedOnDecisionNo ?? ''}，${s.basedOnDate ?? ''}）逾期仍未改正。`;
  return {
    enterpriseId: s.enterpriseId,
    roundId: s.roundId,
    violationType,
    legalBasis: defaultLegalBasis(violationType),
    measure: step === 'orderCorrection' ? 'order_correction' : 'fine',
    facts,
    openedOn: todayIso,
    correctionDue: step === 'orderCorrection' ? addDays(todayIso, DEFAULT_CORRECTION_DAYS) : null,
    fineAmount: null,
  };
}

/**
 * Confirm the suggested step of a round: an order or a penalty creates the case draft (status open, pre-filled,
 * marked with the step), the rollover fires the round's `rollOver` transition with the reason. The step must
 * still be the round's current suggestion (else 409 SUGGESTION_NOT_AVAILABLE).
 */
export async function confirmStep(db: Db, actor: Actor, roundId: string, step: EnforcementStep, meta: RequestMeta): Promise<StepConfirmResult> {
  const todayIso = today();
  if (step === 'rollover') {
    const { exists, suggestion } = await steps.suggestionForRound(db, actor.scope, roundId, todayIso);
    if (!exists) throw notFound(ROUND_ENTITY);
    if (suggestion?.step !== 'rollover') throw notAvailable();
    const comment =
      `${ENFORCEMENT_STEP_LABELS.rollover['zh-CN']}：已依法处罚（${suggestion.basedOnDecisionNo ?? ''}，${suggestion.basedOnDate ?? ''}），` +
      `至年底仍未完成审核`;
    await fireTransition(db, actor, roundId, 'rollOver', { expectedState: suggestion.state, comment }, meta);
    return { step, caseId: null, roundId };
  }
  const caseId = await db.transaction(async (tx) => {
    const { exists, suggestion } = await steps.suggestionForRound(tx, actor.scope, roundId, todayIso);
    if (!exists) throw notFound(ROUND_ENTITY);
    if (suggestion?.step !== step) throw notAvailable();
    return createCaseIn(tx, actor, draftOf(suggestion, step, todayIso), meta, step);
  });
  return { step, caseId, roundId };
}

/** Dismiss the suggested step of a round with a reason: recorded, and not suggested again for that round. */
export async function dismissStep(
  db: Db,
  actor: Actor,
  roundId: string,
  step: EnforcementStep,
  body: StepDismissBody,
  meta: RequestMeta,
): Promise<{ ok: true }> {
  const reason = body.reason.trim();
  await db.transaction(async (tx) => {
    const { exists, suggestion } = await steps.suggestionForRound(tx, actor.scope, roundId, today());
    if (!exists) throw notFound(ROUND_ENTITY);
    if (suggestion?.step !== step) throw notAvailable();
    await steps.insertDismissal(tx, { roundId, step, reason, userId: actor.userId });
    await recordAudit(tx, actor, meta, {
      action: 'enforcement.suggestionDismissed',
      entityId: roundId,
      after: { step, reason, deadlineKind: suggestion.deadlineKind, dueOn: suggestion.dueOn },
    });
  });
  return { ok: true };
}
