import { createWriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import pg from 'pg';
import { BACKLOG_EXCLUDED_STATES } from '../src/server/modules/rounds/exportRepository';
import { today } from '../src/server/modules/rounds/service';
import { signIn, startServer } from './child';
import { BENCH_CITY_USER, CHONGQING } from './datasetSql';
import { millis, type Log } from './report';

export interface ExportFigures {
  rows: number;
  bytes: number;
  ms: number;
  peakRssMb: number;
}

/**
 * 附件2 (`GET /api/rounds/backlog.xlsx`, the city's whole backlog) downloaded from a fresh server process; the
 * process's peak RSS is read after the download, so it covers start-up, the export and nothing else.
 */
export async function measureExport(url: string, log: Log): Promise<ExportFigures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows: number;
  try {
    const { rows: counted } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_rounds r WHERE r.city_code = $1 AND r.listing_year < $2 AND r.state <> ALL($3::text[])`,
      [CHONGQING, Number(today().slice(0, 4)), [...BACKLOG_EXCLUDED_STATES]],
    );
    rows = counted[0]?.n ?? 0;
  } finally {
    await client.end();
  }
  const server = await startServer({ kind: 'postgres', url });
  try {
    const cookie = await signIn(server.appPort, BENCH_CITY_USER);
    const before = await server.request({ cmd: 'rss' }, 'rss');
    const dir = path.resolve('.tmp/bench');
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, 'backlog.xlsx');
    const started = performance.now();
    const res = await fetch(`http://127.0.0.1:${server.appPort}/api/rounds/backlog.xlsx`, { headers: { cookie } });
    if (res.status !== 200 || !res.body) throw new Error(`export failed: ${res.status}`);
    await pipeline(Readable.fromWeb(res.body as WebReadableStream<Uint8Array>), createWriteStream(file));
    const ms = performance.now() - started;
    const { size } = await stat(file);
    const { peakRssMb } = await server.request({ cmd: 'rss' }, 'rss');
    log(
      `附件2 export: ${rows.toLocaleString('en')} rows, ${(size / 2 ** 20).toFixed(1)} MB in ${millis(ms)}; server peak RSS ` +
        `${peakRssMb.toFixed(0)} MB (${before.peakRssMb.toFixed(0)} MB before the export); file ${file}`,
    );
    log('');
    return { rows, bytes: size, ms, peakRssMb };
  } finally {
    await server.stop();
  }
}
