import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/locales';
import { NOTIFICATION_KINDS } from './notificationKinds';
import type { Role } from './roles';
import { NEXT_ACTOR, ROUND_STATES, TRANSITION_NAMES, targetsOf, transitionDef, type TransitionName } from './roundStates';
import {
  fillNotice,
  NEXT_STEP_TEXTS,
  NOTICE_PLACEHOLDERS,
  NOTIFIED_ELSEWHERE,
  PANEL_ASSIGNED_NOTICE,
  placeholdersOf,
  transitionNotice,
} from './transitionNotices';

/** The party a role acts for: the enterprise side (enterprise or its agency), the district, the city, an expert. */
const party = (role: Role) =>
  role === 'enterprise_user' || role === 'agency_user' ? 'enterprise' : role === 'district_staff' ? 'district' : role === 'expert' ? 'expert' : 'city';

/** A transition hands work over when a party other than the one firing it acts next in a state it leads to. */
function handsOver(name: TransitionName): boolean {
  const firing = new Set(transitionDef(name).roles.map(party));
  return targetsOf(name).some((to) => NEXT_ACTOR[to].some((role) => role !== 'expert' && !firing.has(party(role))));
}

describe('transition notices', () => {
  it('gives every transition that hands work over a notice with an audience (or its own command notifies)', () => {
    const missing = TRANSITION_NAMES.filter(
      (name) => handsOver(name) && !transitionNotice(name) && !(NOTIFIED_ELSEWHERE as readonly string[]).includes(name),
    );
    expect(missing).toEqual([]);
    for (const name of TRANSITION_NAMES) {
      const notice = transitionNotice(name);
      if (notice) expect(notice.audience.length, name).toBeGreaterThan(0);
    }
  });

  it('reaches the parties the issue names', () => {
    const audience = (name: TransitionName) => [...(transitionNotice(name)?.audience ?? [])].sort();
    expect(audience('notify')).toEqual(['agency', 'enterprise']);
    for (const name of ['submitReport', 'applyForEvaluation', 'resubmitEvaluation', 'applyForAcceptance', 'resubmitAcceptance', 'reapplyForAcceptance'] as const) {
      expect(audience(name), name).toEqual(['district']);
    }
    expect(audience('returnEvaluationApplication')).toEqual(['agency', 'enterprise']);
    expect(audience('returnAcceptanceApplication')).toEqual(['agency', 'enterprise']);
    expect(audience('recordEvaluation')).toEqual(['agency', 'enterprise']);
    expect(audience('recordAcceptance')).toEqual(['agency', 'city', 'enterprise']);
    for (const name of ['withdraw', 'rollOver', 'referToEnforcement'] as const) expect(audience(name), name).toContain('enterprise');
    // A party continuing its own work is not notified about it.
    for (const name of ['disclose', 'startAudit', 'restartAudit'] as const) expect(transitionNotice(name), name).toBeNull();
  });

  it('has both languages for every notice, with the same known placeholders and a known kind', () => {
    for (const name of TRANSITION_NAMES) {
      const notice = transitionNotice(name);
      if (!notice) continue;
      expect(NOTIFICATION_KINDS, name).toContain(notice.kind);
      for (const part of [notice.title, notice.body]) {
        for (const locale of LOCALES) {
          expect(part[locale].trim(), `${name} ${locale}`).not.toBe('');
          for (const p of placeholdersOf(part[locale])) expect(NOTICE_PLACEHOLDERS, `${name} ${locale}`).toContain(p);
        }
        expect(new Set(placeholdersOf(part['zh-CN'])), name).toEqual(new Set(placeholdersOf(part.en)));
      }
      // The body names the enterprise, the state reached and what comes next.
      for (const locale of LOCALES) {
        for (const p of ['enterprise', 'state', 'next']) expect(placeholdersOf(notice.body[locale]), `${name} ${locale}`).toContain(p);
      }
    }
    for (const state of ROUND_STATES) for (const locale of LOCALES) expect(NEXT_STEP_TEXTS[state][locale]).not.toBe('');
    expect(NOTIFICATION_KINDS).toContain(PANEL_ASSIGNED_NOTICE.kind);
  });

  it('fills placeholders and leaves unknown ones empty', () => {
    expect(fillNotice('{enterprise}（{year}）{nothing}', { enterprise: '某公司', year: '2021' })).toBe('某公司（2021）');
  });
});
