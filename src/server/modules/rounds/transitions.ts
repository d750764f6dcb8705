import type { RoundDetail, TransitionBody } from '../../../shared/contracts/rounds';
import { nextDeadline } from '../../../shared/domain/deadlines';
import type { Role } from '../../../shared/domain/roles';
import {
  GUARDS,
  ROUND_STATE_LABELS,
  canFire,
  targetNeeds,
  transitionDef,
  type GuardName,
  type RoundState,
  type TransitionName,
} from '../../../shared/domain/roundStates';
import type { Db } from '../../db/types';
import { recordAudit } from '../../platform/audit';
import type { Actor, RequestMeta } from '../../platform/context';
import { AppError, LocalizedError, notFound } from '../../platform/errors';
import * as repo from './repository';
import { getRound, ROUND_ENTITY } from './service';

/** What a guard may look at in this slice: the caller, the stored round and the request. */
export interface GuardContext {
  role: Role;
  round: Pick<repo.RoundRow, 'listPublishedOn'>;
  comment: string | null;
}

/**
 * Whether a guard passes. Guards that depend on data later slices bring (uploads, engagements,
 * disclosures, panels, scores) answer false: a transition is refused rather than let through unchecked.
 */
export function guardPasses(guard: GuardName, ctx: GuardContext): boolean {
  switch (guard) {
    case 'reasonGiven':
      return (ctx.comment ?? '').trim() !== '';
    case 'publicationDateSet':
      return ctx.round.listPublishedOn !== null;
    case 'agencyEngaged':
      // Enterprise users always pass; no agency can be engaged on a round yet.
      return ctx.role !== 'agency_user';
    case 'evidenceAttached':
    case 'noticeIssued':
    case 'hasDisclosureItems':
    case 'auditModeChosen':
    case 'reportUploaded':
    case 'evaluationMaterialsAttached':
    case 'optionsReadyForEvaluation':
    case 'panelComplete':
    case 'allScoresIn':
    case 'reviewOpinionAttached':
    case 'revisionConfirmed':
    case 'highCostOptionsSettled':
    case 'acceptanceMaterialsAttached':
    case 'acceptanceOpinionAttached':
    case 'rectificationEvidenceAttached':
      return false;
  }
}

/** The first guard of the transition that fails (the comment requirement counts as 'reasonGiven'). */
export function failingGuard(name: TransitionName, ctx: GuardContext): GuardName | null {
  const def = transitionDef(name);
  const guards: GuardName[] = def.requiresComment && !def.guards.includes('reasonGiven') ? ['reasonGiven', ...def.guards] : [...def.guards];
  return guards.find((g) => !guardPasses(g, ctx)) ?? null;
}

function stateConflict(state: RoundState, name: TransitionName): AppError {
  return new LocalizedError('ROUND_STATE_CONFLICT', { state: ROUND_STATE_LABELS[state], transition: transitionDef(name).label });
}

function guardNotMet(guard: GuardName, name: TransitionName): AppError {
  const field = guard === 'reasonGiven' ? 'comment' : `guards.${guard}`;
  return new LocalizedError('GUARD_NOT_MET', { guard: GUARDS[guard], transition: transitionDef(name).label }, {
    [field]: (l) => GUARDS[guard][l],
  });
}

/**
 * Fire a transition on a round (DESIGN "Round state machine"): scoped load (404) → permission
 * (wrong role 403) → state (409 ROUND_STATE_CONFLICT) → guards (422 GUARD_NOT_MET) → conditional
 * UPDATE … WHERE state = expected (a lost race: 409) → history row → audit event, in one transaction.
 */
export async function fireTransition(
  db: Db,
  actor: Actor,
  id: string,
  name: TransitionName,
  body: TransitionBody,
  meta: RequestMeta,
): Promise<RoundDetail> {
  const comment = body.comment?.trim() || null;
  await db.transaction(async (tx) => {
    const round = await repo.findRound(tx, actor.scope, id);
    if (!round) throw notFound(ROUND_ENTITY);
    const check = canFire(name, round.state, actor.role);
    if (!check.ok && check.reason === 'wrongRole') throw new AppError('FORBIDDEN');
    if (!check.ok || round.state !== body.expectedState) throw stateConflict(round.state, name);
    const guard = failingGuard(name, { role: actor.role, round, comment });
    if (guard) throw guardNotMet(guard, name);
    // Grade-decided transitions are refused by their guards above until panels and scores exist.
    if (targetNeeds(name) !== 'nothing') throw new Error(`${name} needs a grade`);
    const to = transitionDef(name).to as RoundState;
    const next =
      round.discloseDue && round.startDue && round.reportDue
        ? nextDeadline(to, { disclose: round.discloseDue, start: round.startDue, report: round.reportDue, acceptance: round.acceptanceDue })
        : null;
    const version = await repo.changeState(tx, id, { from: body.expectedState, to, nextDueOn: next?.due ?? null });
    if (version === null) {
      // Lost a race: another request changed the state between our read and our write.
      const current = await repo.findRound(tx, actor.scope, id);
      throw stateConflict(current?.state ?? round.state, name);
    }
    await repo.insertHistory(tx, [id], actor, { transition: name, from: round.state, to, comment });
    await recordAudit(tx, actor, meta, {
      action: 'round.transitioned',
      entityId: id,
      before: { state: round.state, version: round.version },
      after: { state: to, version, transition: name, comment },
    });
  });
  return getRound(db, actor, id);
}
