import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allocateStrata, drawFrom, newSeed, seedCommitment, sha256Hex, stratifiedSample, verifyDraw } from './draw';

const ids = (n: number, prefix = 'e') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

describe('sha256', () => {
  it('matches node:crypto on empty, ASCII, CJK and multi-block inputs', () => {
    for (const text of ['', 'abc', '专家随机抽取', 'x'.repeat(55), 'y'.repeat(56), 'z'.repeat(64), '清洁生产'.repeat(100)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('drawFrom', () => {
  const seed = 'a'.repeat(64);

  it('is reproducible from the record and independent of the input order', () => {
    const candidates = ids(20);
    const first = drawFrom(candidates, 5, seed);
    expect(first).toHaveLength(5);
    expect(new Set(first).size).toBe(5);
    expect(drawFrom([...candidates].reverse(), 5, seed)).toEqual(first);
    expect(verifyDraw({ seed, seedHash: seedCommitment(seed), candidateIds: candidates, drawnIds: first })).toEqual({
      seedMatches: true,
      resultMatches: true,
      recomputed: first,
    });
  });

  it('pins the documented algorithm (a known vector)', () => {
    // Recompute by hand with the documented steps so a change of the algorithm cannot go unnoticed.
    const list = ids(7);
    for (let i = 0; i < 3; i++) {
      const h = createHash('sha256').update(`${seed}:label:${i}`).digest();
      const j = i + Number(h.readBigUInt64BE(0) % BigInt(list.length - i));
      [list[i], list[j]] = [list[j]!, list[i]!];
    }
    expect(drawFrom(ids(7), 3, seed, 'label')).toEqual(list.slice(0, 3));
  });

  it('detects a changed seed, a wrong commitment or an altered result', () => {
    const candidates = ids(10);
    const drawn = drawFrom(candidates, 3, seed);
    expect(verifyDraw({ seed, seedHash: seedCommitment('b'.repeat(64)), candidateIds: candidates, drawnIds: drawn }).seedMatches).toBe(false);
    const swapped = [drawn[1]!, drawn[0]!, drawn[2]!];
    expect(verifyDraw({ seed, seedHash: seedCommitment(seed), candidateIds: candidates, drawnIds: swapped }).resultMatches).toBe(false);
    expect(drawFrom(candidates, 3, 'c'.repeat(64))).not.toEqual(drawn);
  });

  it('refuses impossible draws and duplicate candidates', () => {
    expect(() => drawFrom(ids(2), 3, seed)).toThrow();
    expect(() => drawFrom(['a', 'a', 'b'], 1, seed)).toThrow();
    expect(drawFrom(ids(3), 3, seed).sort()).toEqual(ids(3));
  });

  it('spreads over the candidates (every candidate is drawn first about equally often)', () => {
    const candidates = ids(5);
    const firsts = new Map<string, number>();
    for (let s = 0; s < 2000; s++) {
      const first = drawFrom(candidates, 1, `seed-${s}`)[0]!;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const id of candidates) expect(firsts.get(id)).toBeGreaterThan(330);
  });

  it('new seeds are 64 hex characters and differ', () => {
    expect(newSeed()).toMatch(/^[0-9a-f]{64}$/);
    expect(newSeed()).not.toBe(newSeed());
  });
});

describe('stratified sampling', () => {
  it('allocates proportionally with at least one per non-empty stratum', () => {
    expect(allocateStrata({ a: 10, b: 30, c: 0 }, { ratio: 0.1 })).toEqual({ a: 1, b: 3 });
    expect(allocateStrata({ a: 10, b: 30 }, { count: 4 })).toEqual({ a: 1, b: 3 });
    expect(allocateStrata({ a: 1, b: 1, c: 50 }, { count: 5 })).toEqual({ a: 1, b: 1, c: 3 });
    // fewer than the strata: largest remainders, key order on ties
    expect(allocateStrata({ a: 5, b: 5, c: 10 }, { count: 2 })).toEqual({ a: 1, b: 0, c: 1 });
    expect(allocateStrata({ a: 2, b: 3 }, { count: 99 })).toEqual({ a: 2, b: 3 });
    expect(allocateStrata({ a: 7 }, { ratio: 0 })).toEqual({ a: 0 });
  });

  it('is reproducible and every drawn id belongs to its stratum', () => {
    const strata = { '500112': ids(12, 'yb'), '500105': ids(8, 'jb'), '500103': ids(3, 'yz') };
    const seed = newSeed();
    const one = stratifiedSample(strata, { ratio: 0.25 }, seed);
    expect(stratifiedSample(strata, { ratio: 0.25 }, seed)).toEqual(one);
    expect(Object.values(one.allocation).reduce((a, b) => a + b, 0)).toBe(Math.ceil(0.25 * 23));
    for (const [key, drawn] of Object.entries(one.drawn)) {
      expect(drawn).toHaveLength(one.allocation[key]!);
      for (const id of drawn) expect(strata[key as keyof typeof strata]).toContain(id);
    }
    expect(one.allocation['500103']).toBe(1);
  });
});
