import { jaccard, normaliseText, shingles } from './options';

/**
 * Report-quality detection: near-duplicate texts across audit rounds (option descriptions, report summaries).
 *
 * Texts become sets of character shingles (the option rules' `shingles`, 2 characters by default, after
 * `normaliseText`). Each set gets a MinHash signature of `MINHASH_SIZE` values: value i is the minimum over the
 * shingles of `fmix32(fnv1a(shingle) XOR SEEDS[i])` (unsigned 32-bit), so two signatures agree at position i with
 * probability equal to the Jaccard similarity of the sets. The signature is cut into `BANDS` bands of `ROWS` values;
 * a band key is the FNV-1a hash of (band index, its values). Two texts sharing a band key are candidate pairs (LSH:
 * probability 1 − (1 − J^ROWS)^BANDS, about 0.5 at J = 0.5 and above 0.99 at J = 0.8); candidates are then scored
 * by the exact Jaccard of their shingle sets, and reported from `REPORT_THRESHOLD`.
 */
export const SHINGLE_SIZE = 2;
export const MINHASH_SIZE = 64;
export const BANDS = 16;
export const ROWS = MINHASH_SIZE / BANDS;
/** Pairs at or above this exact Jaccard similarity are reported (configurable default). */
export const REPORT_THRESHOLD = 0.6;
/** Texts with fewer shingles are too short to say anything about copying (e.g. "更换节能灯"). */
export const MIN_SHINGLES = 12;

/** FNV-1a over the UTF-16 code units of a string, unsigned 32-bit. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: a bijective mix of a 32-bit value. */
export function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}

/** The fixed per-position seeds of the hash family (deterministic, so stored signatures stay comparable). */
const SEEDS: readonly number[] = Array.from({ length: MINHASH_SIZE }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

/** Unsigned 32-bit → the signed value PostgreSQL's integer holds (same bits). */
const toInt32 = (u: number) => u | 0;

/** The MinHash signature of a shingle set (signed 32-bit values, storable as integer[]); empty set → []. */
export function minhash(set: ReadonlySet<string>): number[] {
  if (set.size === 0) return [];
  const mins = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const s of set) {
    const base = fnv1a(s);
    for (let i = 0; i < MINHASH_SIZE; i += 1) {
      const v = fmix32(base ^ SEEDS[i]!);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  return mins.map(toInt32);
}

/** The estimated Jaccard similarity of two signatures: the share of positions that agree. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) same += 1;
  return same / a.length;
}

/** The LSH band keys of a signature (signed 32-bit; the band index is part of the hashed material). */
export function bandKeys(signature: readonly number[]): number[] {
  if (signature.length !== MINHASH_SIZE) return [];
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b += 1) {
    const slice = signature.slice(b * ROWS, (b + 1) * ROWS);
    keys.push(toInt32(fnv1a(`${b}|${slice.join(',')}`)));
  }
  return keys;
}

/** Everything stored for one text; null when the text is too short to be compared. */
export interface TextSignature {
  shingles: string[];
  signature: number[];
  bandKeys: number[];
}

export function textSignature(text: string): TextSignature | null {
  const set = shingles(text, SHINGLE_SIZE);
  if (set.size < MIN_SHINGLES) return null;
  const signature = minhash(set);
  return { shingles: [...set].sort(), signature, bandKeys: bandKeys(signature) };
}

/** Exact similarity of two texts (the score shown). */
export function textSimilarity(a: string, b: string): number {
  return jaccard(shingles(a, SHINGLE_SIZE), shingles(b, SHINGLE_SIZE));
}

/** A piece of a text, marked when it is covered by a shingle both texts share. */
export interface TextSegment {
  text: string;
  common: boolean;
}

/**
 * Splits `text` into runs covered / not covered by the `common` shingles (of `SHINGLE_SIZE` normalised
 * characters), for showing matching passages side by side. Characters removed by normalisation (spaces,
 * punctuation) take the mark of the run they sit in.
 */
export function highlightSegments(text: string, common: ReadonlySet<string>): TextSegment[] {
  const chars = Array.from(text);
  const kept: number[] = [];
  chars.forEach((c, i) => {
    if (normaliseText(c) !== '') kept.push(i);
  });
  const marked = new Array<boolean>(chars.length).fill(false);
  for (let k = 0; k + SHINGLE_SIZE <= kept.length; k += 1) {
    const shingle = kept
      .slice(k, k + SHINGLE_SIZE)
      .map((i) => normaliseText(chars[i]!))
      .join('');
    if (!common.has(shingle)) continue;
    for (let j = k; j < k + SHINGLE_SIZE; j += 1) marked[kept[j]!] = true;
  }
  // Unkept characters (punctuation, spaces) between two marked characters stay in the marked run.
  for (let i = 0; i < chars.length; i += 1) {
    if (normaliseText(chars[i]!) !== '') continue;
    const prev = i > 0 && marked[i - 1] === true;
    const next = marked[i + 1] === true;
    if (prev && next) marked[i] = true;
  }
  const out: TextSegment[] = [];
  chars.forEach((c, i) => {
    const last = out.at(-1);
    if (last && last.common === marked[i]) last.text += c;
    else out.push({ text: c, common: marked[i]! });
  });
  return out;
}

/** The shingles two texts share. */
export function commonShingles(a: string, b: string): Set<string> {
  const sa = shingles(a, SHINGLE_SIZE);
  const sb = shingles(b, SHINGLE_SIZE);
  return new Set([...sa].filter((s) => sb.has(s)));
}
