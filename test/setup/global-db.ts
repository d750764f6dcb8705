import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/server/db/migrate';
import { openPglite } from '../../src/server/db/pglite';
import { openPostgres } from '../../src/server/db/pg';
import { seedDemo } from '../../src/server/seed/demo/load';
import { seedReference } from '../../src/server/seed/reference/load';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'pglite'; template: string } | { kind: 'postgres'; adminUrl: string; template: string; runId: string };
  }
}

/**
 * Builds one migrated database holding reference and demo data per test run; every test file then
 * starts from its own copy (a PGlite snapshot, or CREATE DATABASE … TEMPLATE on PostgreSQL), so files
 * run in parallel without sharing rows.
 */
export default async function setup(project: TestProject) {
  // The project's `env` (vitest.config.ts) reaches the test workers, not this setup: read it from the project.
  const kind = (project.config.env.TEST_DB ?? process.env.TEST_DB) === 'postgres' ? 'postgres' : 'pglite';
  if (kind === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cpaudit-test-'));
    const db = await openPglite(undefined);
    await migrate(db);
    await seedReference(db);
    await seedDemo(db);
    const dump = await db.raw.dumpDataDir('none');
    const template = path.join(dir, 'template.tar');
    await writeFile(template, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    project.provide('testDb', { kind, template });
    return async () => rm(dir, { recursive: true, force: true });
  }

  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the api-postgres project');
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const template = `cpaudit_tpl_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const db = await openPostgres(url.toString(), 2);
  await migrate(db);
  await seedReference(db);
  await seedDemo(db);
  await db.close();
  project.provide('testDb', { kind, adminUrl, template, runId });
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`cpaudit_%${runId}%`],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
    await admin.end();
  };
}
