import { describe, expect, it } from 'vitest';
import { drawFrom, newSeed, seedCommitment, verifyDraw } from './draw';
import {
  DEFAULT_DRAW_SETTINGS,
  exclusionReasons,
  monthsBefore,
  normalizeOrgName,
  screenExperts,
  type DrawContext,
  type ExpertFacts,
} from './recusal';

const ENTERPRISE = '11111111-1111-4111-8111-111111111111';
const AGENCY = '22222222-2222-4222-8222-222222222222';

const ctx: DrawContext = {
  reviewOn: '2026-06-15',
  enterpriseId: ENTERPRISE,
  enterpriseName: '重庆华鑫电镀有限公司',
  agencyId: AGENCY,
  agencyName: '重庆绿源环境咨询有限公司',
  acceptedIndustries: ['33', 'C'],
  requiredExpertise: [],
  settings: DEFAULT_DRAW_SETTINGS,
};

const expert = (userId: string, over: Partial<ExpertFacts> = {}): ExpertFacts => ({
  userId,
  employer: '重庆大学',
  industries: ['33'],
  expertise: ['audit'],
  unavailableOnReviewDate: false,
  employerTies: [],
  tiedOrgIds: [],
  lastAgencyPanelOn: null,
  openPanels: 0,
  onThisPanel: false,
  ...over,
});

describe('recusal rules', () => {
  it('an expert without any tie, available and matching, is eligible', () => {
    expect(exclusionReasons(expert('a'), ctx)).toEqual([]);
  });

  it('excludes an expert unavailable on the review date', () => {
    expect(exclusionReasons(expert('a', { unavailableOnReviewDate: true }), ctx)).toEqual(['unavailable']);
  });

  it('excludes on industry when no code is on the same branch, and on expertise kind when asked', () => {
    expect(exclusionReasons(expert('a', { industries: ['26', 'D'] }), ctx)).toEqual(['industryMismatch']);
    expect(exclusionReasons(expert('a', { industries: ['26', 'C'] }), ctx)).toEqual([]);
    expect(exclusionReasons(expert('a', { industries: ['26'] }), { ...ctx, acceptedIndustries: [] })).toEqual([]);
    expect(exclusionReasons(expert('a'), { ...ctx, requiredExpertise: ['monitoring'] })).toEqual(['expertiseMismatch']);
    expect(exclusionReasons(expert('a', { expertise: ['monitoring'] }), { ...ctx, requiredExpertise: ['monitoring', 'audit'] })).toEqual([]);
  });

  it('excludes the same employer as the enterprise, normalised, also through a declared employer tie', () => {
    expect(exclusionReasons(expert('a', { employer: ' 重庆华鑫电镀有限公司 ' }), ctx)).toEqual(['sameEmployerEnterprise']);
    expect(exclusionReasons(expert('a', { employerTies: ['重庆华鑫电镀(有限)公司'] }), { ...ctx, enterpriseName: '重庆华鑫电镀（有限）公司' })).toEqual([
      'sameEmployerEnterprise',
    ]);
  });

  it('excludes the same employer as the agency, and not when the round has no agency', () => {
    const e = expert('a', { employer: '重庆绿源环境咨询有限公司' });
    expect(exclusionReasons(e, ctx)).toEqual(['sameEmployerAgency']);
    expect(exclusionReasons(e, { ...ctx, agencyId: null, agencyName: null })).toEqual([]);
  });

  it('excludes declared ties to the enterprise and to the agency', () => {
    expect(exclusionReasons(expert('a', { tiedOrgIds: [ENTERPRISE] }), ctx)).toEqual(['tieEnterprise']);
    expect(exclusionReasons(expert('a', { tiedOrgIds: [AGENCY] }), ctx)).toEqual(['tieAgency']);
  });

  it('excludes an expert engaged by the same agency within the look-back, not before it, and not when it is off', () => {
    expect(exclusionReasons(expert('a', { lastAgencyPanelOn: '2024-06-15' }), ctx)).toEqual(['engagedByAgency']);
    expect(exclusionReasons(expert('a', { lastAgencyPanelOn: '2024-06-14' }), ctx)).toEqual([]);
    const off = { ...ctx, settings: { ...ctx.settings, agencyLookbackMonths: 0 } };
    expect(exclusionReasons(expert('a', { lastAgencyPanelOn: '2026-06-01' }), off)).toEqual([]);
  });

  it('excludes an expert on too many open panels (the city limit), and a current or former member', () => {
    expect(exclusionReasons(expert('a', { openPanels: 2 }), ctx)).toEqual([]);
    expect(exclusionReasons(expert('a', { openPanels: 3 }), ctx)).toEqual(['tooManyOpenPanels']);
    expect(exclusionReasons(expert('a', { openPanels: 1 }), { ...ctx, settings: { ...ctx.settings, maxOpenPanels: 1 } })).toEqual([
      'tooManyOpenPanels',
    ]);
    expect(exclusionReasons(expert('a', { onThisPanel: true }), ctx)).toEqual(['alreadyOnPanel']);
  });

  it('names every reason at once and counts them per rule', () => {
    const pool = [
      expert('a'),
      expert('b', { unavailableOnReviewDate: true, tiedOrgIds: [AGENCY] }),
      expert('c', { tiedOrgIds: [AGENCY] }),
      expert('d'),
    ];
    const screened = screenExperts(pool, ctx);
    expect(screened.candidates.map((c) => c.userId)).toEqual(['a', 'd']);
    expect(screened.excluded.map((x) => [x.facts.userId, x.reasons])).toEqual([
      ['b', ['unavailable', 'tieAgency']],
      ['c', ['tieAgency']],
    ]);
    expect(screened.countsByReason).toEqual({ unavailable: 1, tieAgency: 2 });
  });

  it('normalises organisation names and subtracts calendar months', () => {
    expect(normalizeOrgName(' 重庆 绿源（环境）咨询-有限公司。')).toBe('重庆绿源环境咨询有限公司');
    expect(normalizeOrgName('ABC Co., Ltd')).toBe('abccoltd');
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2026-06-15', 24)).toBe('2024-06-15');
  });
});

describe('a draw is reproducible from its stored record', () => {
  it('recomputes the drawn panel from the stored candidates, seed and hash, and detects tampering', () => {
    const pool = Array.from({ length: 8 }, (_, i) => expert(`0000000${i}-aaaa-4aaa-8aaa-aaaaaaaaaaaa`, i === 2 ? { tiedOrgIds: [AGENCY] } : {}));
    const { candidates } = screenExperts(pool, ctx);
    const seed = newSeed();
    const seedHash = seedCommitment(seed);
    const drawnIds = drawFrom(
      candidates.map((c) => c.userId),
      3,
      seed,
    );
    // The stored record, as JSON (what GET /api/panel-draws/:id and the CLI read).
    const stored = JSON.parse(JSON.stringify({ seed, seedHash, candidateIds: candidates.map((c) => c.userId).reverse(), drawnIds })) as {
      seed: string;
      seedHash: string;
      candidateIds: string[];
      drawnIds: string[];
    };
    expect(verifyDraw(stored)).toEqual({ seedMatches: true, resultMatches: true, recomputed: drawnIds });
    expect(drawnIds).not.toContain(pool[2]!.userId);
    expect(verifyDraw({ ...stored, drawnIds: [...drawnIds].reverse() }).resultMatches).toBe(false);
    expect(verifyDraw({ ...stored, seed: newSeed() }).seedMatches).toBe(false);
  });
});
