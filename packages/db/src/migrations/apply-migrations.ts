import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withTransaction } from '../transactions/with-transaction.js';
import { MigrationChecksumError, MigrationFailedError } from './migration-errors.js';
import { type MigrationFile, readMigrations } from './read-migrations.js';

/** The advisory lock key `prisma migrate` takes, so our runner and Prisma's exclude each other. */
const MIGRATE_LOCK_KEY = 72707369;

// Prisma's own bookkeeping table, column for column, so `prisma migrate status/deploy` agree with us.
const CREATE_BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface BookkeepingRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface ApplyMigrationsOptions {
  /** Defaults to `<repo>/prisma/migrations`. */
  migrationsDir?: string;
}

export interface ApplyMigrationsResult {
  /** Names applied by this call, in order. */
  applied: string[];
  /** How many migration folders were already applied before this call. */
  alreadyApplied: number;
}

/**
 * Applies pending migration folders in name order, each in its own transaction, under Prisma's
 * advisory lock so concurrently starting services are safe. Idempotent: a second call applies nothing.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const migrations = await readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK_KEY]);
    try {
      await client.query(CREATE_BOOKKEEPING_TABLE);
      const { rows } = await client.query<BookkeepingRow>(
        'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
      );
      const pending = pendingMigrations(migrations, rows);
      for (const migration of pending) await applyOne(client, migration);
      return { applied: pending.map((m) => m.name), alreadyApplied: migrations.length - pending.length };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

/** Checks the applied ones against their files and returns the rest; rows rolled back count as not applied. */
function pendingMigrations(migrations: MigrationFile[], rows: BookkeepingRow[]): MigrationFile[] {
  const live = rows.filter((row) => row.rolled_back_at === null);
  const unfinished = live.find((row) => row.finished_at === null);
  if (unfinished) {
    throw new MigrationFailedError(
      unfinished.migration_name,
      'it is recorded as started but never finished (a failed `prisma migrate deploy`?); fix the database, then ' +
        'mark it with `prisma migrate resolve --rolled-back` or `--applied`',
    );
  }
  const appliedChecksums = new Map(live.map((row) => [row.migration_name, row.checksum]));
  return migrations.filter((migration) => {
    const appliedChecksum = appliedChecksums.get(migration.name);
    if (appliedChecksum === undefined) return true;
    if (appliedChecksum !== migration.checksum) {
      throw new MigrationChecksumError(migration.name, appliedChecksum, migration.checksum);
    }
    return false;
  });
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  try {
    await withTransaction(client, async () => {
      await client.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
        [id, migration.checksum, migration.name],
      );
      // No parameters: node-postgres uses the simple protocol, which runs a multi-statement script.
      await client.query(migration.sql);
      await client.query(
        'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
        [id],
      );
    });
  } catch (error) {
    // withTransaction rolled back (a lost connection rolls back by itself); keep the original error.
    const detail = error instanceof Error ? error.message : String(error);
    throw new MigrationFailedError(migration.name, `${detail} (rolled back, nothing applied)`, {
      cause: error,
    });
  }
}
