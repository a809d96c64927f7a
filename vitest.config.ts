import { defineConfig } from 'vitest/config';

// Tests import workspace packages from their TypeScript sources (the `@kiago/source` export
// condition), so `npm test` needs no build step and stack traces point at real files.
export default defineConfig({
  resolve: { conditions: ['@kiago/source'] },
  ssr: { resolve: { conditions: ['@kiago/source'] } },
  // The global setup runs in vitest's own environment, which ignores `resolve.conditions`.
  environments: { __vitest__: { resolve: { conditions: ['@kiago/source'] } } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'services/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'tests/**/*.test.ts',
      'bench/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/setup/global-setup.ts', 'tests/setup/temporal.ts', 'tests/setup/kube.ts'],
  },
});
