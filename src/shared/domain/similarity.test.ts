import { describe, expect, it } from 'vitest';
import { jaccard, shingles } from './options';
import {
  BANDS,
  MINHASH_SIZE,
  bandKeys,
  commonShingles,
  estimateJaccard,
  highlightSegments,
  minhash,
  textSignature,
  textSimilarity,
} from './similarity';

const ORIGINAL =
  '对电镀生产线的漂洗工序进行改造，将单级漂洗改为三级逆流漂洗，并增设镀液回收槽，回收带出的镀液，' +
  '预计每年减少含铬废水排放约3200吨，节约新鲜水3500吨，减少铬酸酐消耗1.2吨。';
const EDITED =
  '对电镀生产线的漂洗工序实施改造，将单级漂洗改为三级逆流漂洗，并增设镀液回收槽，回收带出的镀液，' +
  '预计每年减少含镍废水排放约3000吨，节约新鲜水3500吨，减少硫酸镍消耗1.2吨。';
const UNRELATED =
  '加强员工清洁生产培训，建立能源计量管理制度，对空压机房实施变频改造，降低空载运行时间，年节电约十二万千瓦时，' +
  '同时将锅炉燃料由燃煤改为天然气，减少二氧化硫和颗粒物排放。';

describe('text similarity on known texts', () => {
  it('scores identical texts 1.0, also after changes of punctuation and spacing', () => {
    expect(textSimilarity(ORIGINAL, ORIGINAL)).toBe(1);
    expect(textSimilarity(ORIGINAL, ORIGINAL.replaceAll('，', ' , ').replaceAll('。', ''))).toBe(1);
  });

  it('scores a lightly edited text above 0.7', () => {
    const s = textSimilarity(ORIGINAL, EDITED);
    expect(s).toBeGreaterThan(0.7);
    expect(s).toBeLessThan(1);
  });

  it('scores an unrelated text below 0.2', () => {
    expect(textSimilarity(ORIGINAL, UNRELATED)).toBeLessThan(0.2);
  });
});

describe('MinHash', () => {
  it('gives identical signatures for identical sets and is deterministic', () => {
    const a = minhash(shingles(ORIGINAL, 2));
    expect(a).toHaveLength(MINHASH_SIZE);
    expect(minhash(shingles(ORIGINAL, 2))).toEqual(a);
    expect(a.every((v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31)).toBe(true);
  });

  it('estimates the exact Jaccard similarity closely', () => {
    const pairs: [string, string][] = [
      [ORIGINAL, EDITED],
      [ORIGINAL, UNRELATED],
      [ORIGINAL, ORIGINAL.slice(0, 60)],
      [EDITED, UNRELATED],
    ];
    for (const [x, y] of pairs) {
      const exact = jaccard(shingles(x, 2), shingles(y, 2));
      const estimate = estimateJaccard(minhash(shingles(x, 2)), minhash(shingles(y, 2)));
      // Standard error of a 64-value MinHash is ≤ 0.0625; allow three of them.
      expect(Math.abs(estimate - exact), `${exact} vs ${estimate}`).toBeLessThan(0.19);
    }
  });

  it('puts near-duplicates into a common LSH band and unrelated texts into none', () => {
    const a = bandKeys(minhash(shingles(ORIGINAL, 2)));
    const b = bandKeys(minhash(shingles(EDITED, 2)));
    const c = bandKeys(minhash(shingles(UNRELATED, 2)));
    expect(a).toHaveLength(BANDS);
    expect(a.some((k) => b.includes(k))).toBe(true);
    expect(a.some((k) => c.includes(k))).toBe(false);
  });

  it('does not sign texts too short to compare', () => {
    expect(textSignature('更换节能灯')).toBeNull();
    expect(textSignature(ORIGINAL)?.signature).toHaveLength(MINHASH_SIZE);
  });
});

describe('highlightSegments', () => {
  it('marks the passages covered by common shingles and keeps the text intact', () => {
    const common = commonShingles('三级逆流漂洗，回收镀液', '改为三级逆流漂洗工艺');
    const segments = highlightSegments('三级逆流漂洗，回收镀液', common);
    expect(segments.map((s) => s.text).join('')).toBe('三级逆流漂洗，回收镀液');
    expect(segments[0]).toEqual({ text: '三级逆流漂洗', common: true });
    expect(segments.filter((s) => s.common).map((s) => s.text)).toEqual(['三级逆流漂洗']);
  });
});
