/** The one database interface the rest of the server uses; PGlite and node-postgres both implement it. */
export type SqlParam = string | number | boolean | null | Date | readonly string[] | readonly (string | null)[] | readonly number[] | Buffer;

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<T>>;
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A connection inside a transaction. */
export type Tx = Queryable;

export interface Db extends Queryable {
  readonly kind: 'embedded' | 'postgres';
  /** Run `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
