// `node scripts/migrate.ts [migrations-dir]`: applies pending migrations to DATABASE_URL with @kiago/db's
// transactional runner. The one migrate entry point: scripts/migrate.sh runs it after building @kiago/db,
// and the orchestrator image runs it as the Helm pre-install/pre-upgrade hook and the k8s migrate Job
// (that image carries no CLI: `kiago` pulls TensorFlow in through the gpu worker).
import { applyMigrations, parseDbEnv } from '@kiago/db';

const started = performance.now();
try {
  const { databaseUrl } = parseDbEnv(process.env);
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
