import { createDb, type Db } from '@kiago/db';
import { cliDbEnv } from '../env.js';

/** How every command reaches Postgres; tests pass a factory for their own database. */
export interface DbCommandDeps {
  openDb(): Db;
}

/** DATABASE_URL → one small pool for the command, closed after it. */
export const defaultDbDeps: DbCommandDeps = {
  openDb: () => createDb({ databaseUrl: cliDbEnv().databaseUrl, maxConnections: 4 }),
};

/** Opens the command's database, runs `run` and closes the pool whatever happens: the one way a command opens Postgres. */
export async function withDb<T>(deps: DbCommandDeps, run: (db: Db) => Promise<T>): Promise<T> {
  const db = deps.openDb();
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}
