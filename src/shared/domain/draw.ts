/**
 * Verifiable seeded draws (随机抽取): expert panels and spot-check samples.
 *
 * The algorithm is deliberately simple so that anyone holding a draw record can recompute it with any SHA-256
 * implementation (documented in docs/ARCHITECTURE.md, "Verifiable draws"):
 *
 * 1. The seed is a string (64 lowercase hex characters when the system generates it). Its commitment is
 *    `sha256hex(seed)`, recorded before the draw is executed.
 * 2. The candidates are the record's candidate ids in **ascending code-point order** of their string form.
 * 3. For step i = 0, 1, …, k−1: `h = SHA-256(UTF-8 of seed + ":" + label + ":" + i)`; `r` = the first 8 bytes of h as an
 *    unsigned big-endian integer; `j = i + (r mod (n − i))`; swap positions i and j. The first k positions are the
 *    result, in draw order. (`label` is empty for a plain draw and the stratum key for a stratified sample.)
 *
 * A 64-bit value reduced modulo a list length of at most a few thousand has a bias below 1e-15, which is why no
 * rejection sampling is needed.
 */

/** SHA-256 of a UTF-8 string (FIPS 180-4), synchronous and dependency-free so server, CLI and browser agree. */
export function sha256(message: string): Uint8Array {
  const K = SHA256_K;
  const bytes = new TextEncoder().encode(message);
  const bitLength = bytes.length * 8;
  const paddedLength = Math.ceil((bytes.length + 9) / 64) * 64;
  const data = new Uint8Array(paddedLength);
  data.set(bytes);
  data[bytes.length] = 0x80;
  const view = new DataView(data.buffer);
  // Messages here are far below 2^32 bits; the high word of the length stays zero.
  view.setUint32(paddedLength - 4, bitLength >>> 0, false);
  view.setUint32(paddedLength - 8, Math.floor(bitLength / 2 ** 32), false);
  const H = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  const W = new Uint32Array(64);
  for (let offset = 0; offset < paddedLength; offset += 64) {
    for (let t = 0; t < 16; t++) W[t] = view.getUint32(offset + t * 4, false);
    for (let t = 16; t < 64; t++) {
      const w15 = W[t - 15]!;
      const w2 = W[t - 2]!;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, h] = H as [number, number, number, number, number, number, number, number];
    for (let t = 0; t < 64; t++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const temp1 = (h + S1 + ch + K[t]! + W[t]!) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const temp2 = (S0 + maj) >>> 0;
      h = g;
      g = f;
      f = e;
      e = (d + temp1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (temp1 + temp2) >>> 0;
    }
    H[0] = (H[0]! + a) >>> 0;
    H[1] = (H[1]! + b) >>> 0;
    H[2] = (H[2]! + c) >>> 0;
    H[3] = (H[3]! + d) >>> 0;
    H[4] = (H[4]! + e) >>> 0;
    H[5] = (H[5]! + f) >>> 0;
    H[6] = (H[6]! + g) >>> 0;
    H[7] = (H[7]! + h) >>> 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  H.forEach((word, i) => outView.setUint32(i * 4, word, false));
  return out;
}

function rotr(x: number, n: number): number {
  return (x >>> n) | (x << (32 - n));
}

const SHA256_K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function sha256Hex(message: string): string {
  return toHex(sha256(message));
}

/** The commitment recorded before a draw: SHA-256 of the seed, hex. */
export function seedCommitment(seed: string): string {
  return sha256Hex(seed);
}

/** Ascending code-point order (not locale order), the canonical candidate order of a record. */
export function canonicalOrder(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function stepValue(seed: string, label: string, step: number): bigint {
  const h = sha256(`${seed}:${label}:${step}`);
  let r = 0n;
  for (let i = 0; i < 8; i++) r = (r << 8n) | BigInt(h[i]!);
  return r;
}

/**
 * Draws k of the candidates (partial Fisher–Yates over the canonical order, driven by the seed).
 * Returns the drawn ids in draw order. Throws on k > number of candidates or duplicate ids: callers check first
 * and answer with a 422 that names what is missing.
 */
export function drawFrom(candidateIds: readonly string[], k: number, seed: string, label = ''): string[] {
  const list = canonicalOrder(candidateIds);
  if (new Set(list).size !== list.length) throw new Error('drawFrom: duplicate candidate ids');
  if (!Number.isInteger(k) || k < 0 || k > list.length) throw new Error(`drawFrom: cannot draw ${k} of ${list.length}`);
  for (let i = 0; i < k; i++) {
    const j = i + Number(stepValue(seed, label, i) % BigInt(list.length - i));
    const tmp = list[i]!;
    list[i] = list[j]!;
    list[j] = tmp;
  }
  return list.slice(0, k);
}

/** A fresh random seed (64 hex characters) from the platform's CSPRNG. */
export function newSeed(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return toHex(bytes);
}

/** Checks a stored draw: the seed matches its commitment and recomputing gives the recorded result. */
export function verifyDraw(record: {
  seed: string;
  seedHash: string;
  candidateIds: readonly string[];
  drawnIds: readonly string[];
  label?: string;
}): { seedMatches: boolean; resultMatches: boolean; recomputed: string[] } {
  const seedMatches = seedCommitment(record.seed) === record.seedHash;
  let recomputed: string[];
  try {
    recomputed = drawFrom(record.candidateIds, record.drawnIds.length, record.seed, record.label ?? '');
  } catch {
    recomputed = [];
  }
  const resultMatches = recomputed.length === record.drawnIds.length && recomputed.every((id, i) => id === record.drawnIds[i]);
  return { seedMatches, resultMatches, recomputed };
}

/** How many to sample from each stratum. */
export type SampleSize = { ratio: number } | { count: number };

/**
 * Allocates a sample over strata in proportion to their sizes (largest remainder; ties broken by stratum key order).
 * With a ratio, the total is ceil(ratio × population); with a count, the count (capped at the population).
 * Every non-empty stratum gets at least one when the total allows it (so no district escapes a stratified check).
 */
export function allocateStrata(sizes: Readonly<Record<string, number>>, size: SampleSize): Record<string, number> {
  const keys = canonicalOrder(Object.keys(sizes)).filter((k) => (sizes[k] ?? 0) > 0);
  const population = keys.reduce((sum, k) => sum + sizes[k]!, 0);
  const total = Math.min(population, 'ratio' in size ? Math.ceil(size.ratio * population - 1e-9) : size.count);
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  if (total <= 0 || population === 0) return out;
  let remaining = total;
  if (total >= keys.length) {
    for (const k of keys) out[k] = 1;
    remaining -= keys.length;
  }
  const spare = keys.map((k) => ({ k, room: sizes[k]! - out[k]! }));
  const roomTotal = spare.reduce((s, x) => s + x.room, 0);
  if (remaining > 0 && roomTotal > 0) {
    const shares = spare.map((x) => ({ ...x, exact: (remaining * x.room) / roomTotal }));
    let given = 0;
    for (const s of shares) {
      const whole = Math.min(s.room, Math.floor(s.exact));
      out[s.k]! += whole;
      given += whole;
    }
    const order = shares
      .map((s) => ({ k: s.k, frac: s.exact - Math.floor(s.exact) }))
      .sort((a, b) => b.frac - a.frac || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    let left = remaining - given;
    while (left > 0) {
      let progressed = false;
      for (const { k } of order) {
        if (left === 0) break;
        if (out[k]! < sizes[k]!) {
          out[k]! += 1;
          left -= 1;
          progressed = true;
        }
      }
      if (!progressed) break;
    }
  }
  return out;
}

/**
 * A stratified sample: the allocation, then one seeded draw per stratum labelled with the stratum key.
 * Without stratification pass a single stratum (e.g. `{ all: ids }`).
 */
export function stratifiedSample(
  strata: Readonly<Record<string, readonly string[]>>,
  size: SampleSize,
  seed: string,
): { allocation: Record<string, number>; drawn: Record<string, string[]> } {
  const allocation = allocateStrata(Object.fromEntries(Object.entries(strata).map(([k, ids]) => [k, ids.length])), size);
  const drawn: Record<string, string[]> = {};
  for (const [key, n] of Object.entries(allocation)) drawn[key] = drawFrom(strata[key] ?? [], n, seed, key);
  return { allocation, drawn };
}
