import type { Queryable, SqlParam } from '../db/types';

/** Collects positional parameters while a query is assembled: `where.push(\`x = ${p.add(v)}\`)`. */
export class Params {
  readonly values: SqlParam[] = [];
  add(value: SqlParam): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Escape LIKE wildcards in user input. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** ORDER BY from a whitelisted sort key ('name' or '-name'); unknown keys cannot reach SQL. */
export function orderBy<K extends string>(sort: string, columns: Record<K, string>, tieBreaker: string): string {
  const desc = sort.startsWith('-');
  const key = (desc ? sort.slice(1) : sort) as K;
  const column = columns[key];
  if (!column) throw new Error(`unknown sort key ${sort}`);
  return `ORDER BY ${column} ${desc ? 'DESC' : 'ASC'} NULLS LAST, ${tieBreaker} ${desc ? 'DESC' : 'ASC'}`;
}

export function pageClause(p: Params, page: number, pageSize: number): string {
  return `LIMIT ${p.add(pageSize)} OFFSET ${p.add((page - 1) * pageSize)}`;
}

/** A PostgreSQL unique-violation error on the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === constraint || (e.message ?? '').includes(constraint));
}

/**
 * One page of rows and the total matching the same filter, queried in parallel. `rowsSql` is the full
 * query without LIMIT/OFFSET, written with `p`'s placeholders; `countSql` uses the same filter.
 */
export async function queryPage<T>(
  db: Queryable,
  p: Params,
  page: number,
  pageSize: number,
  rowsSql: string,
  countSql: string,
): Promise<{ items: T[]; total: number }> {
  const countParams = [...p.values];
  const limit = pageClause(p, page, pageSize);
  const [items, count] = await Promise.all([
    db.query<T>(`${rowsSql} ${limit}`, p.values),
    db.query<{ total: number }>(countSql, countParams),
  ]);
  return { items: items.rows, total: count.rows[0]?.total ?? 0 };
}
