import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawFrom, newSeed, seedCommitment } from '../shared/domain/draw';
import { checkRecord, checkRecordFile, isRecordFile } from './verifyDraw';

const candidates = ['c3', 'a1', 'b2', 'e5', 'd4'].map((id) => ({ id, name: id }));

describe('verify-draw (record file)', () => {
  it('accepts a genuine record and rejects a tampered one, from a JSON file', () => {
    const seed = newSeed();
    const record = { id: 'x', manual: false, seed, seedHash: seedCommitment(seed), candidates, drawnIds: drawFrom(candidates.map((c) => c.id), 3, seed) };
    const dir = mkdtempSync(path.join(tmpdir(), 'draw-'));
    const file = path.join(dir, 'draw.json');
    writeFileSync(file, JSON.stringify(record));
    expect(isRecordFile(file)).toBe(true);
    expect(isRecordFile('0b7e7b1e-1111-4111-8111-111111111111')).toBe(false);
    expect(checkRecordFile(file).ok).toBe(true);
    expect(checkRecord({ ...record, drawnIds: [...record.drawnIds].reverse() }).ok).toBe(false);
    expect(checkRecord({ ...record, seed: newSeed() }).lines).toContain('seed matches its commitment (SHA-256): NO');
    expect(checkRecord({ ...record, manual: true }).ok).toBe(false);
    expect(checkRecord({ nothing: true }).ok).toBe(false);
  });
});
