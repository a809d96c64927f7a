import { createTestDatabase, type TestDatabase } from '@kiago/db/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** KIAGO_DATA_DIR of the run ('' when unset): testDataDir() of @kiago/datasets/testing. */
    kiagoDataDir: string;
    /** KIAGO_TF_BACKEND of the run ('' when unset): the optimiser's test backend. */
    kiagoTfBackend: string;
  }
}

/**
 * Creates a fresh, migrated `<db>_test_<pid>` on the server named by DATABASE_URL and hands its URL to
 * the tests (`testDatabaseUrl()` from @kiago/db/testing, or KIAGO_TEST_DATABASE_URL). Without
 * DATABASE_URL only tests that need the database fail, each with instructions.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  // Libraries never read the environment; their tests get the run's settings through inject().
  project.provide('kiagoDataDir', process.env.KIAGO_DATA_DIR ?? '');
  project.provide('kiagoTfBackend', process.env.KIAGO_TF_BACKEND ?? '');
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    console.warn('[global-setup] DATABASE_URL is not set: tests that need Postgres will fail');
    project.provide('kiagoTestDatabaseUrl', '');
    return undefined;
  }
  let database: TestDatabase;
  try {
    database = await createTestDatabase(serverUrl);
  } catch (error) {
    const server = serverUrl.replace(/\/\/[^@]*@/, '//…@');
    throw new Error(
      `global-setup: cannot create and migrate a test database on ${server} (the user needs CREATEDB; is ` +
        `Postgres running? try: export DATABASE_URL="$(node scripts/local-postgres.mjs)"): ${String(error)}`,
      { cause: error },
    );
  }
  project.provide('kiagoTestDatabaseUrl', database.databaseUrl);
  // Workers are forked after global setup, so they inherit this.
  process.env.KIAGO_TEST_DATABASE_URL = database.databaseUrl;
  return () => database.drop();
}
