import type { ResultBatch } from '../../../shared/contracts/resultBatches';
import type { RoundState } from '../../../shared/domain/roundStates';
import type { Queryable } from '../../db/types';
import { Params, queryPage } from '../../platform/sql';
import { TS } from './repository';

/** A round picked for a result batch, locked for the batch's transaction. */
export interface BatchCandidate {
  id: string;
  state: RoundState;
  enterpriseName: string;
  listingYear: number;
  listPublishedOn: string | null;
  version: number;
}

/** Lock the city's rounds among `ids` (FOR UPDATE); rounds of other cities or unknown ids are absent. */
export async function lockCandidates(db: Queryable, cityCode: string, ids: readonly string[]): Promise<BatchCandidate[]> {
  const { rows } = await db.query<BatchCandidate>(
    `SELECT r.id, r.state, e.name AS "enterpriseName", r.listing_year AS "listingYear",
            to_char(r.list_published_on, 'YYYY-MM-DD') AS "listPublishedOn", r.version
       FROM audit_rounds r JOIN enterprises e ON e.id = r.enterprise_id
      WHERE r.id = ANY($1::uuid[]) AND r.city_code = $2
      ORDER BY r.id FOR UPDATE OF r`,
    [ids, cityCode],
  );
  return rows;
}

export async function insertBatch(
  db: Queryable,
  b: { cityCode: string; title: string; publishedOn: string; createdBy: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO result_batches (city_code, title, published_on, created_by) VALUES ($1, $2, $3::date, $4) RETURNING id`,
    [b.cityCode, b.title, b.publishedOn, b.createdBy],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('result batch not inserted');
  return id;
}

/**
 * The set-based transition of a batch: every round still in `from` moves to `to` and joins the batch,
 * in one statement. Returns the rounds changed (fewer than asked: some left `from` meanwhile).
 */
export async function closeRounds(
  db: Queryable,
  ids: readonly string[],
  batchId: string,
  change: { from: RoundState; to: RoundState },
): Promise<{ id: string; version: number }[]> {
  const { rows } = await db.query<{ id: string; version: number }>(
    `UPDATE audit_rounds SET state = $3, result_batch_id = $4, next_due_on = NULL, version = version + 1, updated_at = now()
      WHERE id = ANY($1::uuid[]) AND state = $2 RETURNING id, version`,
    [ids, change.from, change.to, batchId],
  );
  return rows;
}

const SELECT_BATCH = `SELECT b.id, b.title, to_char(b.published_on, 'YYYY-MM-DD') AS "publishedOn",
    (SELECT count(*)::int FROM audit_rounds r WHERE r.result_batch_id = b.id) AS "roundCount",
    ${TS('b.created_at')} AS "createdAt"
  FROM result_batches b`;

export async function listBatches(
  db: Queryable,
  cityCode: string,
  page: number,
  pageSize: number,
): Promise<{ items: ResultBatch[]; total: number }> {
  const p = new Params();
  const filter = `WHERE b.city_code = ${p.add(cityCode)}`;
  return queryPage<ResultBatch>(
    db,
    p,
    page,
    pageSize,
    `${SELECT_BATCH} ${filter} ORDER BY b.published_on DESC, b.created_at DESC, b.id DESC`,
    `SELECT count(*)::int AS total FROM result_batches b ${filter}`,
  );
}

export async function findBatch(db: Queryable, cityCode: string, id: string): Promise<ResultBatch | undefined> {
  const { rows } = await db.query<ResultBatch>(`${SELECT_BATCH} WHERE b.id = $1 AND b.city_code = $2`, [id, cityCode]);
  return rows[0];
}
