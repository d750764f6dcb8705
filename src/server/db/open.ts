import type { Config } from '../config';
import { openPglite } from './pglite';
import { openPostgres } from './pg';
import type { Db } from './types';

export async function openDatabase(database: Config['database']): Promise<Db> {
  return database.kind === 'postgres' ? openPostgres(database.url, database.poolSize) : openPglite(database.dataDir);
}
