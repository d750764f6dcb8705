import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Db } from '../../src/server/db/types';
import { countRows } from './app';

const TABLES = ['enterprises', 'organizations', 'audit_events'] as const;

/** Run a request that must be refused and assert that it wrote nothing (enterprises, organisations, audit). */
export async function refusedWithoutWrites(db: Db, request: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  const before = await countRows(db, TABLES);
  const res = await request();
  expect(await countRows(db, TABLES)).toEqual(before);
  return res;
}

/** The stored row of an enterprise, column names as in the table. */
export async function storedRow(db: Db, id: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM enterprises WHERE id = $1', [id]);
  return rows[0];
}
