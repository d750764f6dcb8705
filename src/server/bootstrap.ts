import type { Config } from './config';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import type { Db } from './db/types';
import { acquireDataLock } from './platform/dataLock';
import { hasUsers, seedDemo } from './seed/demo/load';
import { seedReference } from './seed/reference/load';

export interface Opened {
  db: Db;
  /** Release the embedded data folder lock (no-op on PostgreSQL). */
  release: () => void;
  demoUsers: string[];
}

/** Open the configured database and bring it up to date: lock → migrate → reference data → demo data. */
export async function openAndPrepare(config: Config, options: { seedDemo: boolean }): Promise<Opened> {
  const release = config.database.kind === 'embedded' ? acquireDataLock(config.dataDir) : () => undefined;
  try {
    const db = await openDatabase(config.database);
    await migrate(db);
    await seedReference(db);
    const demoUsers = options.seedDemo && !(await hasUsers(db)) ? await seedDemo(db) : [];
    return { db, release, demoUsers };
  } catch (error) {
    release();
    throw error;
  }
}
