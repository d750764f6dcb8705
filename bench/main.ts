/**
 * `npm run bench [-- options]`: generates (or reuses) the national-scale data set in PostgreSQL and a city-scale one
 * in PGlite, then measures the round list, the 附件3 summary and the 附件2 export, and prints every figure, ratio and
 * target. See docs/PERFORMANCE.md.
 *
 * Options: --scale <f> (1 = national set; develop with 0.01) · --regenerate · --generate-only
 *          --duration <s> (per load run, 10)
 *          --connections <n> (50) · --skip-pglite · --skip-export · --skip-summary
 *          BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres: an admin connection that may create
 *          the bench database)
 */
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { planFor } from './datasetSql';
import { ensurePgliteDataset, ensurePostgresDataset } from './generate';
import { measureExport } from './exportBench';
import { measureList, type ListFigures } from './listBench';
import { measureSummary, type SummaryFigures } from './summaryBench';
import { millis, perSecond, ratio, table, type Figure } from './report';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

/** The 1-minute load average: other work on the machine skews every figure, so each section prints it. */
const load = () => `load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min)`;

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node.js ${process.version}, ${os.platform()} ${os.release()}`;
}

async function main(): Promise<void> {
  const scale = Number(option('--scale') ?? '1');
  if (!(scale > 0 && scale <= 2)) throw new Error('--scale must be in (0, 2]');
  const duration = Number(option('--duration') ?? '10');
  const connections = Number(option('--connections') ?? '50');
  const regenerate = flag('--regenerate');
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = scale === 1 ? 'cpaudit_bench' : `cpaudit_bench_${String(scale).replace(/\W/g, '_')}`;
  const log = (line: string) => console.log(line);
  const figures: Figure[] = [];

  log(`cpaudit benchmark — ${new Date().toISOString()}`);
  log(`Machine: ${machine()}`);
  log(`Before: ${load()}`);
  log('');
  const { url, info } = await ensurePostgresDataset(adminUrl, dbName, planFor(scale, true), regenerate, log);
  log(`Data set: ${Object.entries(info.counts).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`);
  const { rows: version } = await import('pg').then(async ({ default: pg }) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
    } finally {
      await client.end();
    }
  });
  log(`PostgreSQL ${version[0]?.v ?? '?'}`);
  log('');
  if (flag('--generate-only')) return;

  log(`Round list: ${load()}`);
  // 1. The round list: the app, a bare Fastify route and the same SQL through a bare pg pool.
  const list: ListFigures = await measureList({ kind: 'postgres', url }, info, { connections, duration, log });
  figures.push(
    { figure: 'list p50 (PostgreSQL, 50 conn.)', target: '—', measured: millis(list.app.p50), pass: null },
    { figure: 'list p99 (PostgreSQL, 50 conn.)', target: '< 50 ms', measured: millis(list.app.p99), pass: list.app.p99 < 50 },
    { figure: 'list req/s', target: '—', measured: perSecond(list.app.rps), pass: null },
    ...(list.barePg
      ? [
          { figure: 'bare pg req/s (same SQL)', target: '—', measured: perSecond(list.barePg.rps), pass: null },
          {
            figure: 'list ÷ bare pg throughput',
            target: '≥ 0.60×',
            measured: ratio(list.app.rps / list.barePg.rps),
            pass: list.app.rps / list.barePg.rps >= 0.6,
          },
        ]
      : []),
    { figure: 'bare Fastify req/s', target: '—', measured: perSecond(list.bare.rps), pass: null },
    {
      figure: 'list ÷ bare Fastify throughput',
      target: '≥ 0.10×',
      measured: ratio(list.app.rps / list.bare.rps),
      pass: list.app.rps / list.bare.rps >= 0.1,
    },
  );
  if (list.district) {
    figures.push({ figure: 'list p99 as a district user', target: '—', measured: millis(list.district.p99), pass: null });
  }

  // 2. 附件3 for one year across all districts: API and raw SQL.
  if (flag('--skip-summary')) {
    figures.push({ figure: '附件3 summary', target: '< 100 ms, ≤ 1.3×', measured: 'not measured: --skip-summary', pass: null });
  } else {
    log(`附件3: ${load()}`);
    const summary: SummaryFigures = await measureSummary(url, info, log);
    if (summary.kind === 'missing') {
      figures.push({ figure: '附件3 summary', target: '< 100 ms, ≤ 1.3×', measured: `not measured: ${summary.reason}`, pass: null });
    } else {
      figures.push(
        { figure: '附件3 via API (median)', target: '< 100 ms', measured: millis(summary.apiMs), pass: summary.apiMs < 100 },
        { figure: '附件3 raw SQL (median)', target: '—', measured: millis(summary.sqlMs), pass: null },
        {
          figure: '附件3 API ÷ raw SQL',
          target: '≤ 1.30×',
          measured: ratio(summary.apiMs / summary.sqlMs),
          pass: summary.apiMs / summary.sqlMs <= 1.3,
        },
      );
    }
  }

  // 3. The 附件2 export (streamed .xlsx) in a fresh server process.
  if (!flag('--skip-export')) {
    log(`Export: ${load()}`);
    const exp = await measureExport(url, log);
    figures.push(
      { figure: `附件2 export time (${exp.rows.toLocaleString('en')} rows)`, target: '—', measured: millis(exp.ms), pass: null },
      { figure: 'export peak RSS (server process)', target: '< 300 MB', measured: `${exp.peakRssMb.toFixed(0)} MB`, pass: exp.peakRssMb < 300 },
    );
  }

  // 4. PGlite with a city-scale set.
  if (!flag('--skip-pglite')) {
    const dir = path.resolve('.tmp/bench/pglite-city');
    const cityInfo = await ensurePgliteDataset(dir, planFor(0.05, false), regenerate, log);
    log(`PGlite data set: ${Object.entries(cityInfo.counts).map(([t, n]) => `${t} ${n.toLocaleString('en')}`).join(', ')}`);
    log(`PGlite list: ${load()}`);
    const lite = await measureList({ kind: 'pglite', dir }, cityInfo, { connections: 20, duration, log });
    figures.push(
      { figure: 'PGlite list p50 (5,000 ent., 20 conn.)', target: '—', measured: millis(lite.app.p50), pass: null },
      { figure: 'PGlite list p99', target: '< 300 ms', measured: millis(lite.app.p99), pass: lite.app.p99 < 300 },
      { figure: 'PGlite list req/s', target: '—', measured: perSecond(lite.app.rps), pass: null },
    );
  }

  log('');
  log(table(figures));
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  log(`\ncpaudit ${pkg.version}, scale ${scale}, ${duration} s per load run; after: ${load()}.`);
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});
