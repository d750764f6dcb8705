import { describe, expect, it } from 'vitest';
import { actorGroupOf, proposedStep, ROLLOVER_AFTER_DAYS, watchedStates } from './reminders';

describe('proposedStep', () => {
  it('follows how long the work has been overdue: order to correct, then penalty, then roll-over', () => {
    expect(proposedStep(1, 15)).toBe('orderCorrection');
    expect(proposedStep(14, 15)).toBe('orderCorrection');
    expect(proposedStep(15, 15)).toBe('penalty');
    expect(proposedStep(ROLLOVER_AFTER_DAYS - 1, 15)).toBe('penalty');
    expect(proposedStep(ROLLOVER_AFTER_DAYS, 15)).toBe('rollover');
    // A long escalation delay pushes roll-over to twice the delay.
    expect(proposedStep(ROLLOVER_AFTER_DAYS, 60)).toBe('penalty');
    expect(proposedStep(120, 60)).toBe('rollover');
  });
});

describe('watchedStates', () => {
  it('watches published, unfinished rounds with a deadline, each with its acting party', () => {
    const byState = Object.fromEntries(watchedStates().map((w) => [w.state, [w.kind, w.actor]]));
    expect(byState.listed).toEqual(['disclose', 'district']);
    expect(byState.notified).toEqual(['disclose', 'enterprise']);
    expect(byState.disclosed).toEqual(['start', 'enterprise']);
    expect(byState.audit_started).toEqual(['report', 'enterprise']);
    expect(byState.acceptance_applied).toEqual(['acceptance', 'district']);
    for (const state of ['plan_proposed', 'plan_approved', 'closed', 'withdrawn', 'rolled_over', 'report_submitted', 'accepted']) {
      expect(byState[state]).toBeUndefined();
    }
  });

  it('maps the next actor to a party', () => {
    expect(actorGroupOf('evaluation_review')).toBe('district');
    expect(actorGroupOf('accepted')).toBe('city');
    expect(actorGroupOf('closed')).toBeNull();
  });
});
