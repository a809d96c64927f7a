// Type-aware lint (typescript-eslint, real TypeScript types): what Biome's rules cannot see reliably.
// Biome stays the formatter and runs its own recommended rules plus noImportCycles (biome.json);
// `npm run lint` runs both. Three rules here, each for a failure that tests catch late or never:
//   1. no floating promises       — an un-awaited promise loses its error and its ordering;
//   2. process.env in env modules — settings are parsed once, validated, by one env.ts per process;
//                                   libraries take them from their callers;
//   3. deterministic workflows    — workflow code imports only @temporalio/workflow, its own folder
//                                   and types, and never reads the clock, randomness or timers.
import tseslint from 'typescript-eslint';

const TYPESCRIPT_SOURCES = [
  'packages/*/src/**/*.ts',
  'services/*/src/**/*.ts',
  'apps/*/src/**/*.ts',
  'tests/**/*.ts',
  'scripts/*.ts',
];
// Where reading the environment is the point: each process's one env module, the tests and fixtures of
// processes, scripts. Libraries (packages/*) never read it, their tests included (they use inject()).
const MAY_READ_ENV = [
  'services/*/src/env.ts',
  'apps/*/src/env.ts',
  '{services,apps}/*/src/**/*.test.ts',
  '{services,apps}/*/src/**/{fixtures,testing}/**',
  'tests/**',
  'scripts/**',
];
const WORKFLOWS = ['packages/orchestration/src/workflows/**/*.ts'];

export default tseslint.config(
  // TypeScript only; the rest is generated, vendored or tool output.
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/generated/**',
      '**/*.gen.ts',
      '**/*.d.ts',
      '.kiago/**',
      '.tools/**',
      '**/*.{js,mjs,cjs}',
      // Bench scripts run under plain node and are type-checked by bench/*/tsconfig*.json; only
      // their vitest files would otherwise match MAY_READ_ENV below without a TypeScript parser.
      'bench/**',
    ],
  },
  {
    files: TYPESCRIPT_SOURCES,
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: {
        projectService: {
          // Files no tsconfig.json includes by folder (the record-histories script and its config).
          allowDefaultProject: ['scripts/*.ts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message:
            'read the environment in the one env module of the process (services/*/src/env.ts, apps/*/src/env.ts) and pass values in',
        },
      ],
    },
  },
  { files: MAY_READ_ENV, rules: { 'no-restricted-properties': 'off' } },
  {
    files: WORKFLOWS,
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@temporalio/workflow$)(?!\\./[\\w-]+\\.js$)',
              allowTypeImports: true,
              message:
                'workflow code loads only @temporalio/workflow and its own folder at run time (import type for the rest)',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'not replay-safe: use the workflow clock (new Date() in workflow code)',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'not replay-safe: use the seeded random of @temporalio/workflow',
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'not replay-safe: use sleep() from @temporalio/workflow' },
        { name: 'setInterval', message: 'not replay-safe: use sleep() from @temporalio/workflow' },
        { name: 'process', message: 'workflow code has no process' },
        { name: 'require', message: 'workflow code loads modules by static import only' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ImportExpression', message: 'workflow code loads modules by static import only' },
      ],
    },
  },
);
