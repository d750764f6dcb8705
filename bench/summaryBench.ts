import { buildSummarySql } from '../src/server/modules/statistics/summaryRepository';
import { signIn, startServer } from './child';
import { BENCH_CITY_USER, CHONGQING } from './datasetSql';
import type { DatasetInfo } from './generate';
import { millis, percentile, type Log } from './report';

export type SummaryFigures =
  | { kind: 'measured'; year: number; apiMs: number; sqlMs: number; apiP90: number; sqlP90: number }
  | { kind: 'missing'; reason: string };

const RUNS = 15;
const SLOW_RUNS = 3;
const median = (ms: number[]) => percentile([...ms].sort((a, b) => a - b), 50);
const p90 = (ms: number[]) => percentile([...ms].sort((a, b) => a - b), 90);

/**
 * 附件3 of the city for one year across all its districts: `GET /api/statistics/summary?year=` through the app, and
 * the statement of `buildSummarySql` through a bare pg pool in the same process; one request at a time, medians
 * of RUNS runs (SLOW_RUNS when one takes over a second) after a warm-up run each.
 */
export async function measureSummary(url: string, info: DatasetInfo, log: Log): Promise<SummaryFigures> {
  const year = info.plan.years[info.plan.years.length - 2] ?? 2025;
  const server = await startServer({ kind: 'postgres', url });
  try {
    const cookie = await signIn(server.appPort, BENCH_CITY_USER);
    const path = `/api/statistics/summary?year=${year}`;
    const api: number[] = [];
    // A slow computation (seconds) gets fewer runs, so the benchmark still ends in minutes.
    let runs = RUNS + 1;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${server.appPort}${path}`, { headers: { cookie } });
      const body = await res.text();
      if (res.status === 404 && body.includes('ROUTE_NOT_FOUND')) return { kind: 'missing', reason: `${path} is not registered` };
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
      const ms = performance.now() - started;
      if (i === 0 && ms > 1000) runs = SLOW_RUNS + 1;
      if (i >= 1) api.push(ms);
    }
    const sql = buildSummarySql(CHONGQING, year);
    const { ms } = await server.request({ cmd: 'timeSql', query: { sql: sql.text, params: sql.values }, runs }, 'times');
    const raw = ms.slice(1);
    const figures = { kind: 'measured' as const, year, apiMs: median(api), sqlMs: median(raw), apiP90: p90(api), sqlP90: p90(raw) };
    log(
      `附件3 ${year}, Chongqing, all districts + total: API median ${millis(figures.apiMs)} (p90 ${millis(figures.apiP90)}), ` +
        `raw SQL median ${millis(figures.sqlMs)} (p90 ${millis(figures.sqlP90)}), ${api.length} runs each`,
    );
    log('');
    return figures;
  } finally {
    await server.stop();
  }
}
