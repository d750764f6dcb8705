import { describe, it, expect } from 'vitest';
import { ROLES, type Role } from './roles';
import {
  GUARDS,
  GUARD_NAMES,
  ROUND_INITIAL_STATE,
  ROUND_STATES,
  ROUND_STATE_LABELS,
  ROUND_TRANSITIONS,
  TRANSITION_NAMES,
  canFire,
  isTerminal,
  nextActor,
  resolveTarget,
  targetNeeds,
  targetsOf,
  transitionDef,
  transitionsFor,
  transitionsFrom,
  type RoundState,
  type TransitionName,
} from './roundStates';
import type { AcceptanceGrade, EvaluationGrade } from './scoring';

const CITY: readonly Role[] = ['city_admin', 'city_staff'];
const DISTRICT: readonly Role[] = ['district_staff'];
const BUREAU: readonly Role[] = ['district_staff', 'city_admin', 'city_staff'];
const ENT: readonly Role[] = ['enterprise_user', 'agency_user'];

/** Published, unfinished rounds, written out by hand (not imported) so a table edit shows up here. */
const ACTIVE: readonly RoundState[] = [
  'listed', 'notified', 'disclosed', 'audit_started', 'report_submitted',
  'evaluation_applied', 'evaluation_returned', 'evaluation_review', 'evaluation_failed',
  'evaluated', 'acceptance_applied', 'acceptance_returned', 'acceptance_review', 'acceptance_rejected',
];

/** Every allowed (transition, from-state, roles) triple of the lifecycle. Anything else must be refused. */
const ALLOWED: readonly (readonly [TransitionName, RoundState, readonly Role[]])[] = [
  ['approveEntry', 'plan_proposed', CITY],
  ['rejectEntry', 'plan_proposed', CITY],
  ['rejectEntry', 'plan_approved', CITY],
  ['publish', 'plan_approved', CITY],
  ['notify', 'listed', DISTRICT],
  ['disclose', 'notified', ENT],
  ['startAudit', 'disclosed', ENT],
  ['submitReport', 'audit_started', ENT],
  ['applyForEvaluation', 'report_submitted', ENT],
  ['returnEvaluationApplication', 'evaluation_applied', DISTRICT],
  ['resubmitEvaluation', 'evaluation_returned', ENT],
  ['acceptEvaluationApplication', 'evaluation_applied', DISTRICT],
  ['recordEvaluation', 'evaluation_review', DISTRICT],
  ['restartAudit', 'evaluation_failed', ENT],
  ['applyForAcceptance', 'evaluated', ENT],
  ['returnAcceptanceApplication', 'acceptance_applied', DISTRICT],
  ['resubmitAcceptance', 'acceptance_returned', ENT],
  ['acceptAcceptanceApplication', 'acceptance_applied', DISTRICT],
  ['recordAcceptance', 'acceptance_review', DISTRICT],
  ['reapplyForAcceptance', 'acceptance_rejected', ENT],
  ['publishResult', 'accepted', CITY],
  ...ACTIVE.map((s) => ['withdraw', s, BUREAU] as const),
  ['withdraw', 'referred', BUREAU],
  ...ACTIVE.map((s) => ['rollOver', s, BUREAU] as const),
  ['rollOver', 'referred', BUREAU],
  ...ACTIVE.map((s) => ['referToEnforcement', s, BUREAU] as const),
];

const allowedRoles = new Map<string, readonly Role[]>(ALLOWED.map(([t, s, roles]) => [`${t}|${s}`, roles]));
const fromStates = (t: TransitionName) => ALLOWED.filter(([name]) => name === t).map(([, s]) => s);

describe('round transition table', () => {
  it('lists each allowed (transition, state) pair once', () => {
    expect(allowedRoles.size).toBe(ALLOWED.length);
  });

  it('matches the hand-written lifecycle for every (transition × state × role)', () => {
    let checked = 0;
    for (const t of TRANSITION_NAMES) {
      for (const s of ROUND_STATES) {
        const roles = allowedRoles.get(`${t}|${s}`) ?? [];
        for (const role of ROLES) {
          const expected = roles.includes(role)
            ? { ok: true }
            : transitionDef(t).roles.includes(role)
              ? { ok: false, reason: 'wrongState' }
              : { ok: false, reason: 'wrongRole' };
          expect(canFire(t, s, role), `${t} from ${s} as ${role}`).toEqual(expected);
          checked++;
        }
      }
    }
    expect(checked).toBe(TRANSITION_NAMES.length * ROUND_STATES.length * ROLES.length);
  });

  it('refuses every forbidden (transition × role) pair with wrongRole, in each from-state', () => {
    for (const t of TRANSITION_NAMES) {
      const allowed = new Set(ALLOWED.filter(([name]) => name === t).flatMap(([, , roles]) => roles));
      expect(new Set(transitionDef(t).roles), t).toEqual(allowed);
      for (const role of ROLES.filter((r) => !allowed.has(r))) {
        for (const s of fromStates(t)) expect(canFire(t, s, role), `${t} ${s} ${role}`).toEqual({ ok: false, reason: 'wrongRole' });
      }
    }
  });

  it('has from-states equal to the hand-written ones and transitionsFrom agreeing', () => {
    for (const t of TRANSITION_NAMES) expect([...transitionDef(t).from].sort(), t).toEqual(fromStates(t).sort());
    for (const s of ROUND_STATES) {
      const expected = TRANSITION_NAMES.filter((t) => allowedRoles.has(`${t}|${s}`));
      expect(transitionsFrom(s), s).toEqual(expected);
    }
  });

  it('never lets experts fire a transition (they score; the district records)', () => {
    for (const t of TRANSITION_NAMES) expect(transitionDef(t).roles, t).not.toContain('expert');
  });

  it('guards every agency action with agencyEngaged', () => {
    for (const t of TRANSITION_NAMES) {
      const def = transitionDef(t);
      const agency = def.roles.includes('agency_user');
      expect(def.guards.includes('agencyEngaged'), t).toBe(agency);
    }
  });

  it('requires a comment exactly where the reasonGiven guard applies, and evidence for withdrawal and referral', () => {
    for (const t of TRANSITION_NAMES) {
      const def = transitionDef(t);
      expect(def.guards.includes('reasonGiven'), t).toBe(def.requiresComment);
    }
    expect(ROUND_TRANSITIONS.withdraw.guards).toContain('evidenceAttached');
    expect(ROUND_TRANSITIONS.referToEnforcement.guards).toContain('evidenceAttached');
    const commented = TRANSITION_NAMES.filter((t) => transitionDef(t).requiresComment);
    expect(commented).toEqual([
      'rejectEntry', 'returnEvaluationApplication', 'returnAcceptanceApplication', 'withdraw', 'rollOver', 'referToEnforcement',
    ]);
  });

  it('names only documented guards and documents only used ones', () => {
    const used = new Set(TRANSITION_NAMES.flatMap((t) => [...transitionDef(t).guards]));
    expect([...used].filter((g) => !(g in GUARDS))).toEqual([]);
    expect(GUARD_NAMES.filter((g) => !used.has(g))).toEqual([]);
    expect(Object.keys(GUARDS).sort()).toEqual([...GUARD_NAMES].sort());
    for (const g of GUARD_NAMES) expect(GUARDS[g]['zh-CN'].trim() && GUARDS[g].en.trim(), g).toBeTruthy();
  });

  it('marks exactly the three side transitions as side', () => {
    expect(TRANSITION_NAMES.filter((t) => transitionDef(t).kind === 'side')).toEqual(['withdraw', 'rollOver', 'referToEnforcement']);
  });

  it('labels every state and transition in both languages, without duplicates', () => {
    const stateZh = ROUND_STATES.map((s) => ROUND_STATE_LABELS[s]['zh-CN']);
    expect(new Set(stateZh).size).toBe(ROUND_STATES.length);
    expect(ROUND_STATE_LABELS.plan_proposed['zh-CN']).toBe('区县拟纳入');
    expect(ROUND_STATE_LABELS.listed['zh-CN']).toBe('市局核定公布');
    const transitionEn = TRANSITION_NAMES.map((t) => transitionDef(t).label.en);
    expect(new Set(transitionEn).size).toBe(TRANSITION_NAMES.length);
    for (const t of TRANSITION_NAMES) expect(transitionDef(t).label['zh-CN'].trim(), t).not.toBe('');
  });
});

type Step = readonly [TransitionName, Role, RoundState, (EvaluationGrade | AcceptanceGrade)?];

/** Fires each step, checking permission and target, and returns the final state. */
function walk(start: RoundState, steps: readonly Step[]): RoundState {
  let state = start;
  for (const [t, role, expected, grade] of steps) {
    expect(canFire(t, state, role), `${t} from ${state} as ${role}`).toEqual({ ok: true });
    state = resolveTarget(t, grade);
    expect(state, t).toBe(expected);
  }
  return state;
}

const TO_REVIEW: readonly Step[] = [
  ['applyForEvaluation', 'agency_user', 'evaluation_applied'],
  ['acceptEvaluationApplication', 'district_staff', 'evaluation_review'],
];

describe('round lifecycle paths', () => {
  it('reaches closed along the main path', () => {
    const end = walk(ROUND_INITIAL_STATE, [
      ['approveEntry', 'city_staff', 'plan_approved'],
      ['publish', 'city_admin', 'listed'],
      ['notify', 'district_staff', 'notified'],
      ['disclose', 'enterprise_user', 'disclosed'],
      ['startAudit', 'enterprise_user', 'audit_started'],
      ['submitReport', 'agency_user', 'report_submitted'],
      ...TO_REVIEW,
      ['recordEvaluation', 'district_staff', 'evaluated', 'pass_with_revision'],
      ['applyForAcceptance', 'enterprise_user', 'acceptance_applied'],
      ['acceptAcceptanceApplication', 'district_staff', 'acceptance_review'],
      ['recordAcceptance', 'district_staff', 'accepted', 'accepted'],
      ['publishResult', 'city_staff', 'closed'],
    ]);
    expect(end).toBe('closed');
    expect(isTerminal(end)).toBe(true);
  });

  it('sends a failed evaluation back to the audit and through evaluation again', () => {
    walk('evaluation_review', [
      ['recordEvaluation', 'district_staff', 'evaluation_failed', 'fail'],
      ['restartAudit', 'enterprise_user', 'audit_started'],
      ['submitReport', 'enterprise_user', 'report_submitted'],
      ['applyForEvaluation', 'enterprise_user', 'evaluation_applied'],
      ['returnEvaluationApplication', 'district_staff', 'evaluation_returned'],
      ['resubmitEvaluation', 'agency_user', 'evaluation_applied'],
      ['acceptEvaluationApplication', 'district_staff', 'evaluation_review'],
      ['recordEvaluation', 'district_staff', 'evaluated', 'pass'],
    ]);
  });

  it('lets a rejected acceptance be rectified and re-applied', () => {
    walk('acceptance_review', [
      ['recordAcceptance', 'district_staff', 'acceptance_rejected', 'rejected'],
      ['reapplyForAcceptance', 'enterprise_user', 'acceptance_applied'],
      ['returnAcceptanceApplication', 'district_staff', 'acceptance_returned'],
      ['resubmitAcceptance', 'agency_user', 'acceptance_applied'],
      ['acceptAcceptanceApplication', 'district_staff', 'acceptance_review'],
      ['recordAcceptance', 'district_staff', 'accepted', 'accepted'],
    ]);
  });

  it('ends a rejected plan entry, and a referral in roll-over or withdrawal', () => {
    expect(walk('plan_approved', [['rejectEntry', 'city_admin', 'plan_rejected']])).toBe('plan_rejected');
    walk('audit_started', [
      ['referToEnforcement', 'district_staff', 'referred'],
      ['rollOver', 'city_staff', 'rolled_over'],
    ]);
    walk('evaluation_failed', [
      ['referToEnforcement', 'city_admin', 'referred'],
      ['withdraw', 'district_staff', 'withdrawn'],
    ]);
  });

  it('reaches every state from the initial state', () => {
    const seen = new Set<RoundState>([ROUND_INITIAL_STATE]);
    const queue: RoundState[] = [ROUND_INITIAL_STATE];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const t of transitionsFrom(s)) {
        for (const next of targetsOf(t).filter((n) => !seen.has(n))) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ROUND_STATES].sort());
  });

  it('has no way out of terminal states; referred leads only to roll-over or withdrawal', () => {
    const terminal = ROUND_STATES.filter((s) => isTerminal(s));
    expect(terminal).toEqual(['plan_rejected', 'closed', 'withdrawn', 'rolled_over']);
    for (const s of terminal) expect(transitionsFrom(s), s).toEqual([]);
    expect(transitionsFrom('referred')).toEqual(['withdraw', 'rollOver']);
    expect(transitionsFrom('accepted')).toEqual(['publishResult']);
  });
});

describe('round transition targets', () => {
  it('decides evaluation and acceptance outcomes from the grade', () => {
    expect(targetNeeds('recordEvaluation')).toBe('evaluationGrade');
    expect(targetNeeds('recordAcceptance')).toBe('acceptanceGrade');
    expect(targetNeeds('publish')).toBe('nothing');
    expect(targetsOf('recordEvaluation')).toEqual(['evaluated', 'evaluation_failed']);
    expect(targetsOf('recordAcceptance')).toEqual(['accepted', 'acceptance_rejected']);
    expect(resolveTarget('recordEvaluation', 'pass')).toBe('evaluated');
    expect(resolveTarget('recordEvaluation', 'pass_with_revision')).toBe('evaluated');
    expect(resolveTarget('recordEvaluation', 'fail')).toBe('evaluation_failed');
    expect(resolveTarget('recordAcceptance', 'rejected')).toBe('acceptance_rejected');
  });

  it('throws when a grade is missing or of the wrong kind, and ignores it for fixed targets', () => {
    expect(() => resolveTarget('recordEvaluation')).toThrow(RangeError);
    expect(() => resolveTarget('recordEvaluation', 'accepted')).toThrow(RangeError);
    expect(() => resolveTarget('recordAcceptance', 'pass')).toThrow(RangeError);
    expect(resolveTarget('notify')).toBe('notified');
    expect(targetsOf('withdraw')).toEqual(['withdrawn']);
  });
});

describe('work views', () => {
  it('names who acts next, consistent with the table', () => {
    for (const s of ROUND_STATES) {
      const actors = nextActor(s);
      expect(actors.length === 0, s).toBe(isTerminal(s));
      const firing = new Set(transitionsFrom(s).flatMap((t) => [...transitionDef(t).roles]));
      for (const role of actors.filter((r) => r !== 'expert')) expect(firing.has(role), `${s} ${role}`).toBe(true);
    }
    expect(nextActor('evaluation_review')).toEqual(['expert', 'district_staff']);
    expect(nextActor('notified')).toEqual(['enterprise_user', 'agency_user']);
    expect(nextActor('accepted')).toEqual(['city_admin', 'city_staff']);
  });

  it('offers each role its buttons', () => {
    expect(transitionsFor('evaluation_applied', 'district_staff')).toEqual([
      'returnEvaluationApplication', 'acceptEvaluationApplication', 'withdraw', 'rollOver', 'referToEnforcement',
    ]);
    expect(transitionsFor('evaluation_applied', 'enterprise_user')).toEqual([]);
    expect(transitionsFor('plan_proposed', 'city_staff')).toEqual(['approveEntry', 'rejectEntry']);
    expect(transitionsFor('closed', 'city_admin')).toEqual([]);
  });
});
