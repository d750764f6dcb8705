import { DEADLINE_BY_STATE, DEADLINE_KINDS, type DeadlineKind } from './deadlines';
import { ACTIVE_ROUND_STATES, type RoundState } from './roundStates';

/**
 * The due dates of a round still ahead of it in its state: the deadline it works towards now and the
 * later ones (a round waiting on the bureau or the panel after its report has only acceptance ahead).
 * Finished, side and plan states have none.
 */
export function pendingDeadlineKinds(state: RoundState): DeadlineKind[] {
  if (!(ACTIVE_ROUND_STATES as readonly RoundState[]).includes(state)) return [];
  const current: DeadlineKind | null = DEADLINE_BY_STATE[state];
  if (current === null) return ['acceptance'];
  return DEADLINE_KINDS.slice(DEADLINE_KINDS.indexOf(current));
}

/** Every (state, deadline kind) pair a calendar shows, as 'state:kind' strings for a SQL `= ANY(…)`. */
export function pendingDeadlinePairs(): string[] {
  return ACTIVE_ROUND_STATES.flatMap((state) => pendingDeadlineKinds(state).map((kind) => `${state}:${kind}`));
}
