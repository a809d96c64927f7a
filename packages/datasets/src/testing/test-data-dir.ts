import { inject } from 'vitest';
import { resolveDataDir } from '../data-dir.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** KIAGO_DATA_DIR of the test run (tests/setup/global-setup.ts); '' when unset. */
    kiagoDataDir: string;
  }
}

/** The real data directory for tests: KIAGO_DATA_DIR of the run, else `<repo>/../shared/data`. */
export function testDataDir(): string {
  return resolveDataDir({ dataDir: inject('kiagoDataDir') || undefined, env: {} });
}
