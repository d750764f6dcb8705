/**
 * The benchmark's server process, started by bench/main.ts with IPC: the real app (`buildApp`) on one port, a bare
 * Fastify route returning a constant JSON on another, and on request a closed-loop load of SQL through a bare `pg`
 * pool, so the three compare in the same kind of process. Answers { peakRssMb } on request (the process's max RSS).
 *
 * argv: --postgres <url> | --pglite <dir>, [--pool <n>]
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { openPglite } from '../src/server/db/pglite';
import { openPostgres } from '../src/server/db/pg';
import type { Db, SqlParam } from '../src/server/db/types';
import { percentile, type LoadResult } from './report';

export interface CapturedQuery {
  sql: string;
  params: SqlParam[];
}

export type ServerRequest =
  | { cmd: 'pgLoad'; label: string; batches: CapturedQuery[][]; connections: number; durationSeconds: number }
  | { cmd: 'timeSql'; query: CapturedQuery; runs: number }
  | { cmd: 'rss' }
  | { cmd: 'stop' };

export type ServerReply =
  | { kind: 'ready'; appPort: number; barePort: number }
  | { kind: 'load'; result: LoadResult }
  | { kind: 'times'; ms: number[] }
  | { kind: 'rss'; peakRssMb: number }
  | { kind: 'error'; message: string };

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const send = (reply: ServerReply) => process.send?.(reply);

/**
 * `connections` concurrent loops, each issuing one batch after another (the queries of a batch in parallel, as
 * queryPage does), for `durationSeconds`; latency per batch.
 */
async function pgLoad(pool: pg.Pool, req: Extract<ServerRequest, { cmd: 'pgLoad' }>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + req.durationSeconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const batch = req.batches[next++ % req.batches.length] ?? [];
      const started = performance.now();
      try {
        await Promise.all(batch.map((q) => pool.query(q.sql, q.params as unknown[])));
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: req.connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    label: req.label,
    connections: req.connections,
    durationSeconds: req.durationSeconds,
    requests: latencies.length,
    errors,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / elapsed,
  };
}

async function main(): Promise<void> {
  const url = arg('--postgres');
  const dir = arg('--pglite');
  const poolSize = Number(arg('--pool') ?? '10');
  const db: Db = url ? await openPostgres(url, poolSize) : await openPglite(dir);
  const filesDir = await mkdtemp(path.join(tmpdir(), 'cpaudit-bench-files-'));
  const app = await buildApp({
    db,
    session: { idleMinutes: 120, absoluteHours: 12 },
    login: { maxFailures: 5, lockMinutes: 15 },
    cookieSecure: false,
    trustProxy: false,
    webDist: null,
    version: 'bench',
    logger: false,
    filesDir,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true, items: [], total: 0 }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const portOf = (address: ReturnType<typeof app.server.address>) =>
    typeof address === 'object' && address ? address.port : 0;
  // The bare pg pool: its own pool of the app's size, so the app's pool is not shared.
  const pool = url ? new pg.Pool({ connectionString: url, max: poolSize }) : null;

  process.on('message', (message: ServerRequest) => {
    void (async () => {
      try {
        switch (message.cmd) {
          case 'pgLoad':
            if (!pool) throw new Error('bare pg needs PostgreSQL');
            send({ kind: 'load', result: await pgLoad(pool, message) });
            break;
          case 'timeSql': {
            if (!pool) throw new Error('bare pg needs PostgreSQL');
            const ms: number[] = [];
            for (let i = 0; i < message.runs; i++) {
              const started = performance.now();
              await pool.query(message.query.sql, message.query.params as unknown[]);
              ms.push(performance.now() - started);
            }
            send({ kind: 'times', ms });
            break;
          }
          case 'rss':
            send({ kind: 'rss', peakRssMb: process.resourceUsage().maxRSS / 1024 });
            break;
          case 'stop':
            await app.close();
            await bare.close();
            await pool?.end();
            await db.close();
            process.exit(0);
        }
      } catch (error) {
        send({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  send({ kind: 'ready', appPort: portOf(app.server.address()), barePort: portOf(bare.server.address()) });
}

main().catch((error: unknown) => {
  console.error('bench server failed:', error);
  process.exit(1);
});
