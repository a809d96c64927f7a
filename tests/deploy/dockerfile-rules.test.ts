import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './lib/deploy-tools.ts';
import { DOCKERFILES, dockerfileViolations } from './lib/dockerfile-rules.ts';

const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');
const orchestrator = read('docker/orchestrator.Dockerfile');
const expectations = DOCKERFILES['docker/orchestrator.Dockerfile'] ?? { command: [] };

describe('Dockerfile rules', () => {
  it.each(Object.entries(DOCKERFILES))('%s passes', (file, expect_) => {
    expect(dockerfileViolations(read(file), expect_)).toEqual([]);
  });

  it.each([
    [
      'floating base image',
      (t: string) => t.replace('FROM node:24.21.0-bookworm-slim AS runtime', 'FROM node:latest AS runtime'),
      'base image node:latest must be pinned',
    ],
    [
      'untagged base image',
      (t: string) => t.replace('FROM node:24.21.0-bookworm-slim AS build', 'FROM node AS build'),
      'base image node must be pinned',
    ],
    [
      'root user',
      (t: string) => t.replace('USER 1000:1000', 'USER root'),
      'must end with USER <numeric non-zero uid>',
    ],
    [
      'uid 0',
      (t: string) => t.replace('USER 1000:1000', 'USER 0'),
      'must end with USER <numeric non-zero uid>',
    ],
    [
      'shell-form CMD',
      (t: string) => t.replace(/CMD \[.*\]\n?$/, 'CMD node services/orchestrator/dist/worker.js\n'),
      'CMD must use the exec (JSON) form',
    ],
    [
      'other entry point',
      (t: string) =>
        t.replace('services/orchestrator/dist/worker.js"]', 'services/orchestrator/dist/index.js"]'),
      'must be ["node","services/orchestrator/dist/worker.js"]',
    ],
    [
      'dev dependencies shipped',
      (t: string) => t.replace('npm ci --omit=dev --omit=optional', 'npm ci --omit=optional'),
      'node_modules must come from a stage that ran npm ci --omit=dev',
    ],
    [
      'npm in the runtime stage',
      (t: string) => t.replace('USER 1000:1000', 'RUN npm prune --omit=dev\nUSER 1000:1000'),
      'no npm in the runtime stage',
    ],
    [
      'baked-in secret',
      (t: string) => t.replace('ENV NODE_ENV=production', 'ENV KIAGO_API_TOKEN=abc NODE_ENV=production'),
      'credentials must not be baked into ENV',
    ],
    [
      'remote ADD',
      (t: string) =>
        t.replace(
          'WORKDIR /app\nENV NODE_ENV',
          'WORKDIR /app\nADD https://example.com/x.tgz /x.tgz\nENV NODE_ENV',
        ),
      'ADD from a URL',
    ],
    ['no HEALTHCHECK', (t: string) => t.replace(/HEALTHCHECK[^\n]*\\\n[^\n]*\n/, ''), 'needs a HEALTHCHECK'],
  ])('flags %s', (_, mutate, message) => {
    const mutated = mutate(orchestrator);
    expect(mutated).not.toBe(orchestrator);
    expect(dockerfileViolations(mutated, expectations).join('\n')).toContain(message);
  });

  it('checks the gpu-worker cpu target as a runtime image too', () => {
    const gpu = read('docker/gpu-worker.Dockerfile');
    const expectGpu = DOCKERFILES['docker/gpu-worker.Dockerfile'] ?? { command: [] };
    const rootCpu = gpu.replace(/(AS cpu[\s\S]*?)USER 1000:1000/, '$1USER root');
    expect(dockerfileViolations(rootCpu, expectGpu)).toEqual([
      'stage cpu: must end with USER <numeric non-zero uid>',
    ]);
  });
});
