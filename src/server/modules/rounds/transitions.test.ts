import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LISTING_REASONS } from '../../../shared/domain/listingReasons';
import { can } from '../../../shared/domain/permissions';
import { ROLES } from '../../../shared/domain/roles';
import { GUARD_NAMES, ROUND_STATES, TRANSITION_NAMES, transitionDef } from '../../../shared/domain/roundStates';
import { failingGuard, guardPasses, type GuardContext, type RoundFacts } from './transitions';

const ctx = (over: Partial<GuardContext> = {}): GuardContext => ({
  role: 'district_staff',
  round: { listPublishedOn: '2021-02-26' },
  comment: '理由',
  ...over,
});

describe('guards of this slice', () => {
  it('checks the reason, the publication date and (for agencies) the engagement', () => {
    expect(guardPasses('reasonGiven', ctx())).toBe(true);
    expect(guardPasses('reasonGiven', ctx({ comment: '  ' }))).toBe(false);
    expect(guardPasses('reasonGiven', ctx({ comment: null }))).toBe(false);
    expect(guardPasses('publicationDateSet', ctx())).toBe(true);
    expect(guardPasses('publicationDateSet', ctx({ round: { listPublishedOn: null } }))).toBe(false);
    expect(guardPasses('agencyEngaged', ctx({ role: 'enterprise_user' }))).toBe(true);
    expect(guardPasses('agencyEngaged', ctx({ role: 'agency_user' }))).toBe(false);
  });

  it('refuses every guard that needs data of a later slice, never pretending it passes', () => {
    const checkable = new Set(['reasonGiven', 'publicationDateSet', 'agencyEngaged']);
    for (const guard of GUARD_NAMES.filter((g) => !checkable.has(g))) {
      expect(guardPasses(guard, ctx({ role: 'enterprise_user' })), guard).toBe(false);
    }
  });

  it('checks disclosure items, audit mode, engagement and report against the round facts', () => {
    const facts: RoundFacts = { reasons: ['key_industry'], disclosure: null, auditMode: null, engagedAgencyId: null, reportCount: 0 };
    const items = { enterprise_name: 'a', legal_representative: 'b', address: 'c', pollutant_names: 'd', discharge_totals: 'e' };
    const disclosure = { items, platformName: '平台', platformUrl: 'https://example.org/' };
    const on = (over: Partial<RoundFacts>, rest: Partial<GuardContext> = {}) => ctx({ facts: { ...facts, ...over }, ...rest });
    expect(guardPasses('hasDisclosureItems', on({}))).toBe(false);
    expect(guardPasses('hasDisclosureItems', on({ disclosure }))).toBe(true);
    expect(guardPasses('hasDisclosureItems', on({ disclosure: { ...disclosure, items: { ...items, discharge_totals: ' ' } } }))).toBe(false);
    expect(guardPasses('hasDisclosureItems', on({ disclosure, reasons: ['high_energy'] }))).toBe(false);
    expect(guardPasses('hasDisclosureItems', on({ disclosure: { ...disclosure, platformUrl: null } }))).toBe(false);
    expect(guardPasses('auditModeChosen', on({}))).toBe(false);
    expect(guardPasses('auditModeChosen', on({ auditMode: 'self' }))).toBe(true);
    expect(guardPasses('auditModeChosen', on({ auditMode: 'agency' }))).toBe(false);
    expect(guardPasses('auditModeChosen', on({ auditMode: 'agency', engagedAgencyId: 'a1' }))).toBe(true);
    expect(guardPasses('reportUploaded', on({}))).toBe(false);
    expect(guardPasses('reportUploaded', on({ reportCount: 2 }))).toBe(true);
    expect(guardPasses('agencyEngaged', on({ engagedAgencyId: 'a1' }, { role: 'agency_user', orgId: 'a1' }))).toBe(true);
    expect(guardPasses('agencyEngaged', on({ engagedAgencyId: 'a1' }, { role: 'agency_user', orgId: 'a2' }))).toBe(false);
    expect(guardPasses('agencyEngaged', on({}, { role: 'enterprise_user' }))).toBe(true);
  });

  it('asks for a reason on every transition that requires a comment', () => {
    for (const name of TRANSITION_NAMES) {
      if (transitionDef(name).requiresComment) expect(failingGuard(name, ctx({ comment: '' })), name).toBe('reasonGiven');
    }
    expect(failingGuard('rollOver', ctx())).toBeNull();
    expect(failingGuard('withdraw', ctx())).toBe('evidenceAttached');
  });
});

describe('migration 0002 and the shared enums', () => {
  const sql = readFileSync(new URL('../../db/migrations/0002_rounds.sql', import.meta.url), 'utf8');
  const quoted = (block: string) => [...block.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);

  it('allows exactly the round states of the state machine', () => {
    const block = /state\s+text NOT NULL CHECK \(state IN \(([^)]*)\)\)/.exec(sql)?.[1] ?? '';
    expect(quoted(block)).toEqual([...ROUND_STATES]);
  });

  it('allows exactly the listing reasons, in plan entries and rounds', () => {
    const blocks = [...sql.matchAll(/reasons <@ ARRAY\[([^\]]*)\]/g)].map((m) => quoted(m[1] ?? ''));
    expect(blocks).toEqual([[...LISTING_REASONS], [...LISTING_REASONS]]);
  });
});

describe('permissions of this slice', () => {
  const holders = (action: Parameters<typeof can>[1]) => ROLES.filter((role) => can(role, action));

  it('keeps campaigns, plan review and publication with the city, proposals with the bureaus', () => {
    for (const action of ['campaign.manage', 'planEntry.review', 'list.publish'] as const) {
      expect(holders(action), action).toEqual(['city_admin', 'city_staff']);
    }
    expect(holders('planEntry.propose')).toEqual(['city_admin', 'city_staff', 'district_staff']);
    expect(holders('campaign.read')).toEqual(['city_admin', 'city_staff', 'district_staff']);
  });

  it('lets every role that fires a transition read rounds; experts read the rounds of their panels', () => {
    const firing = new Set(TRANSITION_NAMES.flatMap((name) => transitionDef(name).roles));
    expect(holders('round.transition')).toEqual(ROLES.filter((role) => firing.has(role)));
    expect(holders('round.read')).toEqual(ROLES.filter((role) => firing.has(role) || role === 'expert'));
    expect(can('expert', 'round.list')).toBe(false);
  });
});
