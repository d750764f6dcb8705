import { roundListQuery } from '../src/shared/contracts/rounds';
import type { DataScope } from '../src/shared/domain/roles';
import type { Queryable, SqlParam } from '../src/server/db/types';
import * as roundRepo from '../src/server/modules/rounds/repository';
import { today, waitingStatesOf } from '../src/server/modules/rounds/service';
import { cannon, signIn, startServer, type Target } from './child';
import { BENCH_CITY_USER, BENCH_DISTRICT_USER, CHONGQING } from './datasetSql';
import type { DatasetInfo } from './generate';
import { describeLoad, type LoadResult, type Log } from './report';
import type { CapturedQuery } from './server';

export interface ListFigures {
  app: LoadResult;
  bare: LoadResult;
  barePg: LoadResult | null;
  district: LoadResult | null;
}

/** The list requests of the benchmark: filtered, sorted, paginated (each answers its total too). */
export function listPaths(info: DatasetInfo): string[] {
  const y2 = Math.max(...info.plan.years);
  const y1 = y2 - 1;
  return [
    `/api/rounds?listingYear=${y1}&sort=nextDueOn&page=1&pageSize=20`,
    `/api/rounds?listingYear=${y1 - 1}&state=evaluated&sort=nextDueOn&page=2&pageSize=20`,
    `/api/rounds?districtCode=${info.districtCode}&listingYear=${y2}&sort=-updatedAt&page=1&pageSize=20`,
  ];
}

/**
 * The exact SQL the app issues for a list path (page query + count, as queryPage sends them), captured by running
 * the rounds repository against a recorder.
 */
export async function capturedSql(pathAndQuery: string, scope: DataScope): Promise<CapturedQuery[]> {
  const search = new URL(pathAndQuery, 'http://x').searchParams;
  const query = roundListQuery.parse(Object.fromEntries(search.entries()));
  const captured: CapturedQuery[] = [];
  const recorder: Queryable = {
    async query<T>(sql: string, params: readonly SqlParam[] = []) {
      captured.push({ sql, params: [...params] });
      return { rows: [{ total: 0 }] as T[], rowCount: 0 };
    },
    async exec() {},
  };
  await roundRepo.listRounds(recorder, scope, query, today(), waitingStatesOf('city_staff'));
  return captured;
}

export async function measureList(
  target: Target,
  info: DatasetInfo,
  options: { connections: number; duration: number; log: Log },
): Promise<ListFigures> {
  const { connections, duration, log } = options;
  const where = target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite';
  const server = await startServer(target);
  try {
    const cookie = await signIn(server.appPort, BENCH_CITY_USER);
    const paths = listPaths(info);
    log(`Round list on ${where}, signed in as city staff; requests:\n${paths.map((p) => `  GET ${p}`).join('\n')}`);
    // Warm up (JIT, plan caches, connections).
    await cannon('warm-up', server.appPort, paths, { connections, duration: 3, cookie });

    const bare = await cannon('bare Fastify route', server.barePort, ['/bare'], { connections, duration });
    log(`  ${describeLoad(bare)}`);
    const app = await cannon(`GET /api/rounds (${where})`, server.appPort, paths, { connections, duration, cookie });
    log(`  ${describeLoad(app)}`);
    let barePg: LoadResult | null = null;
    if (target.kind === 'postgres') {
      const scope: DataScope = { kind: 'city', cityCode: CHONGQING };
      const batches = await Promise.all(paths.map((p) => capturedSql(p, scope)));
      const reply = await server.request(
        { cmd: 'pgLoad', label: 'same SQL via bare pg pool', batches, connections, durationSeconds: duration },
        'load',
      );
      barePg = reply.result;
      log(`  ${describeLoad(barePg)}`);
    }
    let district: LoadResult | null = null;
    if (target.kind === 'postgres') {
      const districtCookie = await signIn(server.appPort, BENCH_DISTRICT_USER);
      const y1 = Math.max(...info.plan.years) - 1;
      district = await cannon(
        'GET /api/rounds as district staff',
        server.appPort,
        [`/api/rounds?listingYear=${y1}&sort=nextDueOn&page=1&pageSize=20`, `/api/rounds?sort=-updatedAt&page=3&pageSize=20`],
        { connections, duration, cookie: districtCookie },
      );
      log(`  ${describeLoad(district)}`);
    }
    log('');
    return { app, bare, barePg, district };
  } finally {
    await server.stop();
  }
}
