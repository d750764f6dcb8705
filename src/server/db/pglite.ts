import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, QueryResult, SqlParam, Tx } from './types';

const parsers = { [types.DATE]: (v: string) => v, [types.INT8]: (v: string) => v };

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[]; affectedRows?: number }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(target: PgliteLike): Tx {
  return {
    async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<T>> {
      const result = await target.query<T>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
  };
}

/**
 * The embedded database. `dataDir` undefined means in memory (tests);
 * `loadDataDir` starts from a dumped snapshot (tests start from a migrated template).
 */
export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Db & { raw: PGlite }> {
  const db = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm },
    parsers,
  });
  const root = wrap(db);
  return {
    kind: 'embedded',
    raw: db,
    query: (sql, params) => root.query(sql, params),
    exec: (sql) => root.exec(sql),
    // PGlite runs one transaction at a time; other queries wait for it.
    transaction: <T>(fn: (tx: Tx) => Promise<T>) => db.transaction((tx) => fn(wrap(tx))),
    async close() {
      await db.close();
    },
  };
}
