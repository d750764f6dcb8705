import { describe, expect, it } from 'vitest';
import { seedCommitment } from './draw';
import { ALL_STRATUM, drawSpotCheck, strataOf, verifySpotCheck, type PopulationRound } from './spotChecks';

/** The population shape the SQL gathers: rounds with their district (here 3 districts of 10, 5 and 1 rounds). */
const population: PopulationRound[] = [
  ...Array.from({ length: 10 }, (_, i) => ({ roundId: `r-a-${String(i).padStart(2, '0')}`, districtCode: '500112' })),
  ...Array.from({ length: 5 }, (_, i) => ({ roundId: `r-b-${i}`, districtCode: '500105' })),
  { roundId: 'r-c-0', districtCode: '500115' },
];
const seed = 'c'.repeat(64);

describe('spot-check sampling', () => {
  it('groups the population into district strata (or one stratum) in canonical order', () => {
    const strata = strataOf([...population].reverse(), true);
    expect(Object.keys(strata).sort()).toEqual(['500105', '500112', '500115']);
    expect(strata['500112']).toEqual([...strata['500112']!].sort());
    expect(strataOf(population, false)).toEqual({ [ALL_STRATUM]: population.map((r) => r.roundId).sort() });
  });

  it('is reproducible from the record and independent of the order the rows came in', () => {
    const first = drawSpotCheck(strataOf(population, true), { ratio: 0.25 }, seed);
    const again = drawSpotCheck(strataOf([...population].reverse(), true), { ratio: 0.25 }, seed);
    expect(again).toEqual(first);
    const other = drawSpotCheck(strataOf(population, true), { ratio: 0.25 }, 'd'.repeat(64));
    expect(other.allocation).toEqual(first.allocation);
    expect(other.sampled.map((s) => s.roundId)).not.toEqual(first.sampled.map((s) => s.roundId));
  });

  it('holds the stratification: every district sampled, in proportion, from its own rounds', () => {
    const strata = strataOf(population, true);
    const { allocation, sampled } = drawSpotCheck(strata, { ratio: 0.25 }, seed);
    // ceil(0.25 × 16) = 4: one per district first, the spare one to the largest district.
    expect(allocation).toEqual({ '500105': 1, '500112': 2, '500115': 1 });
    for (const [district, n] of Object.entries(allocation)) {
      const drawn = sampled.filter((s) => s.stratum === district);
      expect(drawn).toHaveLength(n);
      for (const s of drawn) expect(strata[district]).toContain(s.roundId);
    }
    expect(sampled.map((s) => s.drawOrder)).toEqual([1, 2, 3, 4]);
    expect(new Set(sampled.map((s) => s.roundId)).size).toBe(4);
  });

  it('samples a count from the single stratum when not stratified', () => {
    const { allocation, sampled } = drawSpotCheck(strataOf(population, false), { count: 3 }, seed);
    expect(allocation).toEqual({ [ALL_STRATUM]: 3 });
    expect(sampled).toHaveLength(3);
  });

  it('verifies a true record and detects a changed sample, seed or allocation', () => {
    const candidates = strataOf(population, true);
    const size = { count: 5 };
    const { allocation, sampled } = drawSpotCheck(candidates, size, seed);
    const record = { seed, seedHash: seedCommitment(seed), candidates, size, allocation, sampled };
    expect(verifySpotCheck(record)).toMatchObject({ seedMatches: true, allocationMatches: true, resultMatches: true });
    const swapped = sampled.map((s, i) => (i === 0 ? { ...s, roundId: candidates[s.stratum]!.find((id) => !sampled.some((x) => x.roundId === id))! } : s));
    expect(verifySpotCheck({ ...record, sampled: swapped }).resultMatches).toBe(false);
    expect(verifySpotCheck({ ...record, seed: 'e'.repeat(64) }).seedMatches).toBe(false);
    expect(verifySpotCheck({ ...record, allocation: { ...allocation, '500115': 0 } }).allocationMatches).toBe(false);
  });
});
