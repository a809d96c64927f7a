import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../vitest.config.ts';

// `npm run record:histories`: the root test set-up (Postgres, Temporal dev server), one file.
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { ...base.test, include: ['scripts/record-histories.test.ts'] },
});
