import pg from 'pg';
import type { Db, QueryResult, SqlParam, Tx } from './types';

// Keep DATE columns as 'YYYY-MM-DD' strings and bigint counts as strings (callers cast in SQL).
pg.types.setTypeParser(pg.types.builtins.DATE, (v: string) => v);

function wrap(client: pg.PoolClient | pg.Pool): Tx {
  return {
    async query<T>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<T>> {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

export async function openPostgres(url: string, poolSize: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'cpaudit' });
  // Fail fast with a clear error when the server is not reachable.
  const probe = await pool.connect();
  probe.release();
  const root = wrap(pool);
  return {
    kind: 'postgres',
    query: (sql, params) => root.query(sql, params),
    exec: (sql) => root.exec(sql),
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
