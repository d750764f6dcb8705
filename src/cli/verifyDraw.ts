import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { verifyDraw } from '../shared/domain/draw';
import type { Db } from '../server/db/types';

/**
 * `verify-draw <id | record.json>`: recomputes a panel draw from its record — the seed against its commitment and the
 * documented algorithm (shared/domain/draw.ts) against the stored result. A file is the JSON of
 * GET /api/panel-draws/:id (or any object with seed, seedHash, candidateIds or candidates[].id, drawnIds), so anyone
 * holding the record can check it without the database.
 */
const recordSchema = z.object({
  id: z.string().optional(),
  manual: z.boolean().optional(),
  seed: z.string().nullable(),
  seedHash: z.string().nullable(),
  candidateIds: z.array(z.string()).optional(),
  candidates: z.array(z.object({ id: z.string() })).optional(),
  drawnIds: z.array(z.string()),
});

export function isRecordFile(arg: string): boolean {
  return arg.endsWith('.json') || (existsSync(arg) && !/^[0-9a-f-]{36}$/i.test(arg));
}

export function checkRecord(raw: unknown): { ok: boolean; lines: string[] } {
  const parsed = recordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, lines: ['not a draw record: it needs seed, seedHash, candidateIds (or candidates) and drawnIds'] };
  const r = parsed.data;
  if (r.manual || !r.seed || !r.seedHash) return { ok: false, lines: [`draw ${r.id ?? ''} is a manual choice (no seed): nothing to recompute`] };
  const candidateIds = r.candidateIds ?? (r.candidates ?? []).map((c) => c.id);
  const result = verifyDraw({ seed: r.seed, seedHash: r.seedHash, candidateIds, drawnIds: r.drawnIds });
  return {
    ok: result.seedMatches && result.resultMatches,
    lines: [
      `draw ${r.id ?? '(file)'}: ${candidateIds.length} candidates, ${r.drawnIds.length} drawn`,
      `seed matches its commitment (SHA-256): ${result.seedMatches ? 'yes' : 'NO'}`,
      `recomputed: ${result.recomputed.join(', ') || '—'}`,
      `stored:     ${r.drawnIds.join(', ')}`,
      `result matches: ${result.resultMatches ? 'yes' : 'NO'}`,
    ],
  };
}

export function checkRecordFile(file: string): { ok: boolean; lines: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, lines: [`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return checkRecord(raw);
}

export async function checkStoredDraw(db: Db, id: string): Promise<{ ok: boolean; lines: string[] }> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return { ok: false, lines: [`not a draw id: ${id}`] };
  const { rows } = await db.query<{ id: string; manual: boolean; seed: string | null; seedHash: string | null; candidates: { id: string }[]; drawnIds: string[] | null }>(
    `SELECT id, manual, seed, seed_hash AS "seedHash", candidates, drawn_ids::text[] AS "drawnIds" FROM panel_draws WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return { ok: false, lines: [`no draw ${id}`] };
  return checkRecord({ ...row, drawnIds: row.drawnIds ?? [] });
}
