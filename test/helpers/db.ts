import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/pg';
import type { Db } from '../../src/server/db/types';

/** A fresh database for one test file, holding reference and demo data (see test/setup/global-db.ts). */
export async function createTestDb(): Promise<Db> {
  const testDb = inject('testDb');
  if (testDb.kind === 'pglite') {
    const tar = await readFile(testDb.template);
    return openPglite(undefined, new Blob([tar]));
  }
  const name = `cpaudit_t_${testDb.runId}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDb.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${testDb.template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDb.adminUrl);
  url.pathname = `/${name}`;
  return openPostgres(url.toString(), 5);
}
