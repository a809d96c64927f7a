import {
  databaseNameOf,
  dropDatabase,
  recreateDatabase,
  withMaintenanceClient,
} from '../admin/database-admin.js';
import { applyMigrations } from '../migrations/apply-migrations.js';

export interface TestDatabase {
  databaseUrl: string;
  drop(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '']);

/**
 * Creates `<db>_test_<pid>` on the server of `serverUrl` and applies the migrations. The pid suffix
 * keeps concurrent test runs on one server apart; databases left by dead local runs are dropped.
 */
export async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const prefix = testDatabasePrefix(serverUrl);
  if (LOCAL_HOSTS.has(new URL(serverUrl).hostname)) await dropAbandoned(serverUrl, prefix);
  const name = `${prefix}${process.pid}`;
  const databaseUrl = await recreateDatabase(serverUrl, name);
  await applyMigrations(databaseUrl);
  return { databaseUrl, drop: () => dropDatabase(serverUrl, name) };
}

/** An empty `<db>_test_<pid>_<label>` (no migrations), for tests of the migration runner itself. */
export async function createEmptyDatabase(serverUrl: string, label: string): Promise<TestDatabase> {
  const name = `${testDatabasePrefix(serverUrl)}${process.pid}_${label}`;
  const databaseUrl = await recreateDatabase(serverUrl, name);
  return { databaseUrl, drop: () => dropDatabase(serverUrl, name) };
}

function testDatabasePrefix(serverUrl: string): string {
  return `${databaseNameOf(serverUrl)}_test_`;
}

async function dropAbandoned(serverUrl: string, prefix: string): Promise<void> {
  const names = await withMaintenanceClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    return rows.map((row) => row.datname);
  });
  for (const name of names) {
    const pid = Number(/^\d+/.exec(name.slice(prefix.length))?.[0]);
    if (pid > 0 && !isProcessAlive(pid)) await dropDatabase(serverUrl, name);
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
