// `node packages/db/dist/bin/migrate.js [migrations-dir]`: applies pending migrations to DATABASE_URL.
// Used by scripts/migrate.sh (after the package is built) and by deployment jobs.
import { parseDbEnv } from '../env.js';
import { applyMigrations } from '../migrations/apply-migrations.js';

const started = performance.now();
try {
  const { databaseUrl } = parseDbEnv();
  const migrationsDir = process.argv[2];
  const result = await applyMigrations(databaseUrl, migrationsDir ? { migrationsDir } : {});
  for (const name of result.applied) console.log(`applied ${name}`);
  const elapsedMs = Math.round(performance.now() - started);
  console.log(
    `migrations: ${result.applied.length} applied, ${result.alreadyApplied} already applied (${elapsedMs} ms)`,
  );
} catch (error) {
  console.error(`migrate failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
