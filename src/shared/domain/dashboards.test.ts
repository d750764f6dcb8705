import { describe, expect, it } from 'vitest';
import { PROGRESS_STAGE_OF, PROGRESS_STAGES, statesOfStage } from './dashboards';
import { ROUND_STATES } from './roundStates';

describe('progress stages', () => {
  it('put every round state in exactly one stage', () => {
    const all = PROGRESS_STAGES.flatMap((stage) => statesOfStage(stage));
    expect([...all].sort()).toEqual([...ROUND_STATES].sort());
    expect(new Set(all).size).toBe(ROUND_STATES.length);
  });

  it('follow the lifecycle: accepted and closed count as accepted, a failed evaluation goes back to auditing', () => {
    expect(statesOfStage('accepted')).toEqual(['accepted', 'closed']);
    expect(PROGRESS_STAGE_OF.evaluation_failed).toBe('auditing');
    expect(PROGRESS_STAGE_OF.acceptance_rejected).toBe('evaluated');
    expect(statesOfStage('other')).toEqual(['plan_proposed', 'plan_approved', 'plan_rejected', 'withdrawn', 'rolled_over', 'referred']);
  });
});
