import { mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import pg from 'pg';
import { migrate } from '../src/server/db/migrate';
import { openPglite } from '../src/server/db/pglite';
import { openPostgres } from '../src/server/db/pg';
import type { Db } from '../src/server/db/types';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { seedReference } from '../src/server/seed/reference/load';
import {
  BENCH_CITY_USER,
  BENCH_DISTRICT_USER,
  BENCH_PASSWORD,
  benefitsSql,
  campaignsSql,
  CHONGQING,
  enterprisesSql,
  historySql,
  optionsSql,
  roundsSql,
  syntheticRegionsSql,
  type DatasetPlan,
} from './datasetSql';
import { seconds, type Log } from './report';

/** What a generated data set holds (kept in the bench database's own bench_dataset row). */
export interface DatasetInfo {
  plan: DatasetPlan;
  counts: Record<string, number>;
  districtCode: string;
  generatedAt: string;
}

const COUNTED = ['enterprises', 'audit_rounds', 'round_options', 'round_option_benefits', 'round_history'] as const;

async function readInfo(db: Db): Promise<DatasetInfo | null> {
  const { rows } = await db.query<{ exists: boolean }>(`SELECT to_regclass('bench_dataset') IS NOT NULL AS exists`);
  if (!rows[0]?.exists) return null;
  const info = await db.query<{ info: DatasetInfo }>('SELECT info FROM bench_dataset WHERE id = 1');
  return info.rows[0]?.info ?? null;
}

async function step(db: Db, log: Log, label: string, sql: string): Promise<void> {
  const started = performance.now();
  await db.exec(sql);
  log(`  ${label.padEnd(34)} ${seconds(performance.now() - started)}`);
}

/**
 * Run a bulk-loading step with the table's secondary indexes dropped and rebuilt afterwards (a sorted build is many
 * times faster than millions of random index insertions). Indexes backing constraints (primary key, unique) stay.
 */
async function bulkStep(db: Db, log: Log, label: string, table: string, sql: string): Promise<void> {
  const { rows: indexes } = await db.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = $1::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [table],
  );
  for (const index of indexes) await db.exec(`DROP INDEX ${index.name}`);
  await step(db, log, label, sql);
  const started = performance.now();
  for (const index of indexes) await db.exec(index.def);
  log(`  ${`  ${indexes.length} indexes of ${table} rebuilt`.padEnd(34)} ${seconds(performance.now() - started)}`);
}

async function count(db: Db, table: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]?.n ?? 0;
}

/** Load the data set into a freshly migrated database holding the reference data. */
async function load(db: Db, plan: DatasetPlan, log: Log): Promise<DatasetInfo> {
  const total = performance.now();
  if (db.kind === 'postgres') {
    await db.exec(`SET work_mem = '256MB'; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off; SET jit = off`);
  }
  if (plan.national) await step(db, log, 'regions (synthetic cities)', syntheticRegionsSql());
  await step(db, log, `enterprises (${plan.enterprises.toLocaleString('en')})`, enterprisesSql(plan));
  await step(db, log, 'campaigns', campaignsSql(plan));
  await bulkStep(db, log, 'audit rounds', 'audit_rounds', roundsSql(plan));
  await bulkStep(db, log, 'round history (transition events)', 'round_history', historySql());
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_rounds WHERE state NOT IN ('listed', 'notified', 'disclosed', 'withdrawn')`,
  );
  await bulkStep(db, log, 'options', 'round_options', optionsSql(plan, rows[0]?.n ?? 0));
  await bulkStep(db, log, 'option benefits', 'round_option_benefits', benefitsSql());

  // The users the benchmark signs in as: city staff of Chongqing and the bureau of its busiest district.
  const hashed = await hashPassword(BENCH_PASSWORD);
  const { rows: busiest } = await db.query<{ code: string }>(
    `SELECT district_code AS code FROM enterprises WHERE city_code = $1 GROUP BY district_code ORDER BY count(*) DESC, district_code LIMIT 1`,
    [CHONGQING],
  );
  const districtCode = busiest[0]?.code;
  if (!districtCode) throw new Error('no enterprises generated in Chongqing');
  await db.query(
    `INSERT INTO users (username, display_name, password_hash, role, org_id)
     SELECT $1, '基准市级用户', $3, 'city_staff', id FROM organizations WHERE kind = 'city_bureau' AND city_code = $4
     UNION ALL
     SELECT $2, '基准区县用户', $3, 'district_staff', id FROM organizations WHERE kind = 'district_bureau' AND district_code = $5`,
    [BENCH_CITY_USER, BENCH_DISTRICT_USER, hashed, CHONGQING, districtCode],
  );

  const started = performance.now();
  await db.exec('VACUUM ANALYZE');
  log(`  ${'VACUUM ANALYZE'.padEnd(34)} ${seconds(performance.now() - started)}`);
  const counts: Record<string, number> = {};
  for (const table of COUNTED) counts[table] = await count(db, table);
  log(`  ${'total'.padEnd(34)} ${seconds(performance.now() - total)}`);
  const info: DatasetInfo = { plan, counts, districtCode, generatedAt: new Date().toISOString() };
  await db.exec('CREATE TABLE bench_dataset (id int PRIMARY KEY, info jsonb NOT NULL)');
  await db.query('INSERT INTO bench_dataset (id, info) VALUES (1, $1::jsonb)', [JSON.stringify(info)]);
  return info;
}

/** jsonb does not keep key order, so the plans are compared field by field. */
const samePlan = (a: DatasetPlan, b: DatasetPlan) =>
  a.scale === b.scale && a.enterprises === b.enterprises && a.options === b.options && a.national === b.national &&
  a.years.join() === b.years.join();

async function prepare(db: Db, plan: DatasetPlan, log: Log): Promise<DatasetInfo> {
  const started = performance.now();
  const applied = await migrate(db);
  await seedReference(db);
  log(`  ${`migrations (${applied.length}) + reference data`.padEnd(34)} ${seconds(performance.now() - started)}`);
  return load(db, plan, log);
}

/**
 * The PostgreSQL bench database for `plan`: reused when it holds a complete data set of the same plan (and
 * `regenerate` is false), else dropped, created, migrated with the project's migrations and loaded.
 */
export async function ensurePostgresDataset(
  adminUrl: string,
  dbName: string,
  plan: DatasetPlan,
  regenerate: boolean,
  log: Log,
): Promise<{ url: string; info: DatasetInfo }> {
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
    if (rows.length && !regenerate) {
      const db = await openPostgres(url.toString(), 2);
      try {
        const info = await readInfo(db);
        if (info && samePlan(info.plan, plan)) {
          // New migrations of the project (if any) are applied to the kept data set.
          const applied = await migrate(db);
          if (applied.length) {
            log(`  applied new migrations ${applied.join(', ')}; ANALYZE`);
            await db.exec('ANALYZE');
          }
          log(`Reusing database ${dbName} (generated ${info.generatedAt}; --regenerate to rebuild).`);
          return { url: url.toString(), info };
        }
      } finally {
        await db.close();
      }
    }
    if (rows.length) await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${dbName}`);
  } finally {
    await admin.end();
  }
  log(`Generating database ${dbName} (scale ${plan.scale}):`);
  const db = await openPostgres(url.toString(), 2);
  try {
    return { url: url.toString(), info: await prepare(db, plan, log) };
  } finally {
    await db.close();
  }
}

/** The same for an embedded (PGlite) data folder. */
export async function ensurePgliteDataset(
  dir: string,
  plan: DatasetPlan,
  regenerate: boolean,
  log: Log,
): Promise<DatasetInfo> {
  if (existsSync(dir) && !regenerate) {
    const db = await openPglite(dir);
    try {
      const info = await readInfo(db);
      if (info && samePlan(info.plan, plan)) {
        await migrate(db);
        log(`Reusing PGlite data set in ${dir} (generated ${info.generatedAt}).`);
        return info;
      }
    } catch (error) {
      // The city-scale set takes minutes: when it cannot be brought up to date (a migration it ran was changed
      // since), it is generated again.
      log(`  PGlite data set not reusable (${error instanceof Error ? error.message : String(error)}); generating again.`);
    } finally {
      await db.close();
    }
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  log(`Generating PGlite data set in ${dir} (${plan.enterprises.toLocaleString('en')} enterprises):`);
  const db = await openPglite(dir);
  try {
    return await prepare(db, plan, log);
  } finally {
    await db.close();
  }
}
