import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase, testDatabaseUrl } from '../testing/index.js';
import { applyMigrations } from './apply-migrations.js';
import { MigrationChecksumError, MigrationFailedError } from './migration-errors.js';
import { DEFAULT_MIGRATIONS_DIR, readMigrations } from './read-migrations.js';

async function query<R extends pg.QueryResultRow>(url: string, sql: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('applyMigrations', () => {
  let scratch: TestDatabase;
  let migrationsDir: string;

  beforeAll(async () => {
    scratch = await createEmptyDatabase(testDatabaseUrl(), 'migrations');
    migrationsDir = await mkdtemp(join(tmpdir(), 'kiago-migrations-'));
    await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
  });
  afterAll(async () => {
    await scratch?.drop();
    if (migrationsDir) await rm(migrationsDir, { recursive: true, force: true });
  });

  it('applies every migration once and nothing on the second run, even when started concurrently', async () => {
    const files = await readMigrations(migrationsDir);
    const [first, second] = await Promise.all([
      applyMigrations(scratch.databaseUrl, { migrationsDir }),
      applyMigrations(scratch.databaseUrl, { migrationsDir }),
    ]);
    expect([...first.applied, ...second.applied]).toEqual(files.map((f) => f.name));
    expect(first.applied.length + first.alreadyApplied).toBe(files.length);

    const again = await applyMigrations(scratch.databaseUrl, { migrationsDir });
    expect(again).toEqual({ applied: [], alreadyApplied: files.length });

    const rows = await query<{ migration_name: string; checksum: string; applied_steps_count: number }>(
      scratch.databaseUrl,
      'SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations WHERE finished_at IS NOT NULL',
    );
    expect(rows).toEqual(
      files.map((f) => ({ migration_name: f.name, checksum: f.checksum, applied_steps_count: 1 })),
    );
    const tables = await query<{ n: number }>(
      scratch.databaseUrl,
      "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename = 'candidates'",
    );
    expect(tables[0]?.n).toBe(1);
  });

  it('rolls back a failing migration completely and records nothing', async () => {
    await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
    const broken = join(migrationsDir, '99990101000000_broken');
    await cp(join(migrationsDir, (await readMigrations(migrationsDir))[0]!.name), broken, {
      recursive: true,
    });
    await writeFile(
      join(broken, 'migration.sql'),
      'CREATE TABLE half_done (id int);\nSELECT no_such_column FROM runs;',
    );

    await expect(applyMigrations(scratch.databaseUrl, { migrationsDir })).rejects.toThrow(
      MigrationFailedError,
    );
    const leftovers = await query(
      scratch.databaseUrl,
      "SELECT 1 FROM pg_tables WHERE tablename = 'half_done'",
    );
    expect(leftovers).toEqual([]);
    const recorded = await query(
      scratch.databaseUrl,
      "SELECT 1 FROM _prisma_migrations WHERE migration_name = '99990101000000_broken'",
    );
    expect(recorded).toEqual([]);
    await rm(broken, { recursive: true });
  });

  it('refuses to run when an applied migration was edited', async () => {
    const [firstMigration] = await readMigrations(migrationsDir);
    const file = join(migrationsDir, firstMigration!.name, 'migration.sql');
    await writeFile(file, `${firstMigration!.sql}\n-- edited after it was applied\n`);

    const attempt = applyMigrations(scratch.databaseUrl, { migrationsDir });
    await expect(attempt).rejects.toThrow(MigrationChecksumError);
    await expect(attempt).rejects.toThrow(/never edit an applied migration/);
    await writeFile(file, firstMigration!.sql);
  });
});

describe('the shared test database', () => {
  it('is already migrated by the global setup', async () => {
    const result = await applyMigrations(testDatabaseUrl());
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied).toBe((await readMigrations()).length);
  });
});
