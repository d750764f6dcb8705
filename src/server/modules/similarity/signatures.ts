import { textSignature } from '../../../shared/domain/similarity';
import type { Queryable } from '../../db/types';
import * as repo from './repository';

/**
 * Text signatures kept current by the writers of the texts, inside their transactions (the options service calls
 * signOption / unsignOption), and the backfill for existing data.
 */
/** Recomputes the signature of an option after it was created or edited (call inside the option's transaction). */
export async function signOption(tx: Queryable, optionId: string): Promise<void> {
  const option = await repo.optionText(tx, optionId);
  if (!option) return;
  await repo.saveSignature(tx, { kind: 'option', id: optionId, roundId: option.roundId, cityCode: option.cityCode }, textSignature(option.text));
}

/** Removes an option's signature (before the option is deleted). */
export async function unsignOption(tx: Queryable, optionId: string): Promise<void> {
  await repo.deleteSignature(tx, 'option', optionId);
}

/** (Re)computes the signatures of every option and report summary, in pages of 500, one statement per page (CLI, demo data). */
export async function backfillSignatures(db: Queryable): Promise<{ option: number; report_summary: number }> {
  const counts = { option: 0, report_summary: 0 };
  for (const kind of ['option', 'report_summary'] as const) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await repo.textsAfter(db, kind, after, 500);
      if (!page.length) break;
      const rows = page.flatMap((t) => {
        const sig = textSignature(t.text);
        return sig ? [{ ...t, sig }] : [];
      });
      await repo.saveSignatures(db, kind, rows);
      counts[kind] += rows.length;
      after = page.at(-1)!.id;
    }
  }
  return counts;
}

