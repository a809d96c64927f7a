import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutViolations, productionClosure, readWorkspaces } from './layout-rules.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the layout rule (README, Layout)', () => {
  it('libraries in packages/, thin processes in services/, the CLI in apps/, dependencies one way', () => {
    expect(layoutViolations(root)).toEqual([]);
  });

  it('has the three worker processes as services', () => {
    const services = readWorkspaces(root).filter((ws) => ws.kind === 'service');
    expect(services.map((ws) => ws.name).sort()).toEqual([
      '@kiago/gpu-worker',
      '@kiago/orchestrator',
      '@kiago/screening-worker',
    ]);
  });

  it.each(['@kiago/orchestrator', '@kiago/screening-worker'])(
    'installs no TensorFlow with the production dependencies of %s',
    (name) => {
      const withTensorFlow = productionClosure(root, name)
        .filter((ws) => Object.keys(ws.dependencies).some((dep) => dep.startsWith('@tensorflow/')))
        .map((ws) => ws.name);
      expect(withTensorFlow).toEqual([]);
    },
  );

  it('installs TensorFlow with the gpu-worker (the check above can see it)', () => {
    const names = productionClosure(root, '@kiago/gpu-worker').map((ws) => ws.name);
    expect(names).toContain('@kiago/optimiser');
  });
});

describe('the layout rule catches', () => {
  const tree = mkdtempSync(join(tmpdir(), 'kiago-layout-'));
  afterAll(() => rmSync(tree, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), text);
  };
  write('package.json', JSON.stringify({ workspaces: ['packages/*', 'services/*'] }));
  write('packages/lib/package.json', JSON.stringify({ name: '@kiago/lib' }));
  write(
    'services/svc/package.json',
    JSON.stringify({ name: '@kiago/svc', dependencies: { '@kiago/lib': '*' } }),
  );
  write('services/svc/src/worker.ts', "import { parseSvcEnv } from './env.js';\nparseSvcEnv();\n");
  write('services/svc/src/env.ts', 'export const parseSvcEnv = (env = process.env) => env;\n');

  it.each([
    ['packages/lib/src/env.ts', 'export const dir = process.env.KIAGO_DATA_DIR;\n', 'a library never reads'],
    ['packages/lib/src/load.ts', "const dir = process['env'].KIAGO_DATA_DIR;\n", 'a library never reads'],
    ['packages/lib/src/load.test.ts', 'const { env } = process;\n', 'a library never reads'],
    ['services/svc/src/api-env.ts', 'export const token = 1;\n', 'one env module per process'],
    [
      'services/svc/src/wiring.ts',
      'export const port = process.env.PORT;\n',
      'outside services/svc/src/env.ts',
    ],
  ])('%s', (path, text, message) => {
    expect(layoutViolations(tree)).toEqual([]);
    write(path, text);
    try {
      expect(layoutViolations(tree)).toEqual([expect.stringContaining(message)]);
      expect(layoutViolations(tree)[0]).toMatch(new RegExp(`^${path.replaceAll('.', '\\.')}: `));
    } finally {
      rmSync(join(tree, path));
    }
  });
});
