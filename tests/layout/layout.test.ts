import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
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
