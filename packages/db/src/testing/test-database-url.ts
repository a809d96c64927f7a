import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the migrated per-run test database; '' when DATABASE_URL was not set. */
    kiagoTestDatabaseUrl: string;
  }
}

/** The test database prepared by tests/setup/global-setup.ts; a clear error when there is none. */
export function testDatabaseUrl(): string {
  const url = inject('kiagoTestDatabaseUrl');
  if (!url) {
    throw new Error(
      'this test needs Postgres: set DATABASE_URL to a server where the user may create databases, e.g.\n' +
        '  pg_ctlcluster --skip-systemctl-redirect 15 main start   # Debian, as root\n' +
        '  export DATABASE_URL=postgresql://kiago:kiago@127.0.0.1:5432/kiago\n' +
        'or start the embedded one: node scripts/local-postgres.mjs (prints the DATABASE_URL to export)',
    );
  }
  return url;
}
