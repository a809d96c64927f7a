// The real API server (tests/deploy/gpu-autoscaler-e2e and -refusals tests) covers following a Temporal backlog,
// real 409s and a real 403. This in-process fake stays for what a real server cannot be made to do on
// cue with a manual clock: 409 on N consecutive patches (give-up), a 403 on exactly the next request
// then success (back-off reset), a Deployment vanishing and returning, and a record of every request
// the autoscaler sent (it touched only its one scale subresource).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  AutoscalerClock,
  AutoscalerLogger,
  BacklogSnapshot,
  GpuAutoscalerConfig,
} from './autoscaler-types.js';
import { type FakeKubeApiServer, startFakeKubeApiServer } from './fixtures/fake-kube-apiserver.js';
import { createGpuAutoscaler, MAX_CONFLICT_ATTEMPTS } from './gpu-autoscaler.js';
import { createK8sApi } from './k8s-api.js';

const NS = 'kiago';
const NAME = 'kiago-gpu-worker';
const SCALE_PATH = `/apis/apps/v1/namespaces/${NS}/deployments/${NAME}/scale`;
const INTERVAL_MS = 15_000;

function manualClock(): AutoscalerClock & { advance(ms: number): void } {
  let now = 1_000_000;
  return {
    nowMs: () => now,
    advance(ms) {
      now += ms;
    },
    sleep: async () => undefined,
  };
}

function recordingLogger(): AutoscalerLogger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const push = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

function config(overrides: Partial<GpuAutoscalerConfig> = {}): GpuAutoscalerConfig {
  return {
    namespace: NS,
    deployment: NAME,
    minReplicas: 0,
    maxReplicas: 8,
    shardsPerReplica: 2,
    scaleUpStabilisationMs: 0,
    scaleDownStabilisationMs: 300_000,
    intervalMs: INTERVAL_MS,
    ...overrides,
  };
}

let server: FakeKubeApiServer;
let snapshot: BacklogSnapshot;

function setup(overrides: Partial<GpuAutoscalerConfig> = {}) {
  const clock = manualClock();
  const logger = recordingLogger();
  const autoscaler = createGpuAutoscaler({
    k8s: createK8sApi({ kubeConfig: server.kubeConfig() }),
    backlogSource: async () => snapshot,
    config: config(overrides),
    logger,
    clock,
  });
  return { autoscaler, clock, logger };
}

const patches = () => server.requests.filter((r) => r.method === 'PATCH');

beforeEach(async () => {
  server = await startFakeKubeApiServer();
  server.addDeployment(NS, NAME, 0);
  server.addDeployment(NS, 'kiago-screening', 3);
  snapshot = { backlog: 0, runningShards: 0 };
});

afterEach(async () => {
  // Whatever happened in the test, the autoscaler touched nothing but the one scale subresource.
  for (const request of server.requests) {
    expect(request.path).toBe(SCALE_PATH);
    expect(['GET', 'PATCH']).toContain(request.method);
  }
  expect(server.replicasOf(NS, 'kiago-screening')).toBe(3);
  await server.close();
});

describe('createGpuAutoscaler against the apps/v1 scale subresource', () => {
  it('follows a burst at once, bounded by max, with merge patches carrying a resourceVersion', async () => {
    const { autoscaler } = setup();
    expect(await autoscaler.tick()).toEqual({ kind: 'steady', replicas: 0, desiredReplicas: 0 });

    snapshot = { backlog: 11, runningShards: 0 };
    expect(await autoscaler.tick()).toMatchObject({ kind: 'scaled', fromReplicas: 0, toReplicas: 6 });
    expect(server.replicasOf(NS, NAME)).toBe(6);

    snapshot = { backlog: 40, runningShards: 6 };
    expect(await autoscaler.tick()).toMatchObject({ kind: 'scaled', fromReplicas: 6, toReplicas: 8 });
    expect(server.replicasOf(NS, NAME)).toBe(8);

    expect(patches()).toHaveLength(2);
    for (const patch of patches()) {
      expect(patch.contentType).toBe('application/merge-patch+json');
      expect(patch.body).toEqual({
        metadata: { resourceVersion: expect.stringMatching(/^\d+$/) },
        spec: { replicas: expect.any(Number) },
      });
    }
  });

  it('does not flap under an oscillating backlog and scales down once the down window is quiet', async () => {
    const { autoscaler, clock } = setup({ scaleDownStabilisationMs: 300_000 });
    for (let step = 0; step < 40; step += 1) {
      snapshot = { backlog: step % 2 === 0 ? 20 : 0, runningShards: 0 };
      await autoscaler.tick();
      clock.advance(INTERVAL_MS);
    }
    expect(server.replicasOf(NS, NAME)).toBe(8);
    expect(patches()).toHaveLength(1);

    snapshot = { backlog: 0, runningShards: 0 };
    const outcomes = [];
    for (let elapsedMs = 0; elapsedMs <= 330_000; elapsedMs += INTERVAL_MS) {
      outcomes.push((await autoscaler.tick()).kind);
      clock.advance(INTERVAL_MS);
    }
    expect(outcomes.filter((kind) => kind === 'scaled')).toHaveLength(1);
    // The last high recommendation came at step 38; the window (300 s = 20 ticks) expires 18 quiet ticks later.
    expect(outcomes.indexOf('scaled')).toBe(18);
    expect(server.replicasOf(NS, NAME)).toBe(0);
    expect(patches()).toHaveLength(2);
  });

  it('with a scale-up window, waits until the burst has lasted the whole window', async () => {
    const { autoscaler, clock } = setup({ scaleUpStabilisationMs: 60_000 });
    await autoscaler.tick();
    snapshot = { backlog: 8, runningShards: 0 };
    const kinds = [];
    for (let i = 0; i < 6; i += 1) {
      clock.advance(INTERVAL_MS);
      kinds.push((await autoscaler.tick()).kind);
    }
    expect(kinds).toEqual(['steady', 'steady', 'steady', 'scaled', 'steady', 'steady']);
    expect(server.replicasOf(NS, NAME)).toBe(4);
  });

  it('keeps replicas within [min, max] even after someone scaled by hand', async () => {
    const { autoscaler, clock } = setup({ minReplicas: 1, maxReplicas: 3, scaleDownStabilisationMs: 0 });
    expect(await autoscaler.tick()).toMatchObject({ kind: 'scaled', toReplicas: 1 });
    snapshot = { backlog: 100, runningShards: 0 };
    expect(await autoscaler.tick()).toMatchObject({ kind: 'scaled', toReplicas: 3 });
    server.externalScale(NS, NAME, 10);
    clock.advance(INTERVAL_MS);
    expect(await autoscaler.tick()).toMatchObject({ kind: 'scaled', fromReplicas: 10, toReplicas: 3 });
    snapshot = { backlog: 0, runningShards: 0 };
    server.externalScale(NS, NAME, 0);
    clock.advance(INTERVAL_MS);
    expect(await autoscaler.tick()).toMatchObject({ kind: 'scaled', fromReplicas: 0, toReplicas: 1 });
  });

  it('on 403 logs what RBAC is missing and backs off exponentially without calling the API', async () => {
    const { autoscaler, clock, logger } = setup();
    snapshot = { backlog: 4, runningShards: 0 };
    server.forbidNext(1);
    const first = await autoscaler.tick();
    expect(first).toEqual({ kind: 'forbidden', retryAtMs: clock.nowMs() + 2 * INTERVAL_MS });
    const line = logger.lines.find((l) => l.level === 'error')?.message ?? '';
    expect(line).toContain(`forbidden to get deployments/scale "${NAME}" in namespace "${NS}"`);
    expect(line).toContain('needs a Role granting get and patch on deployments/scale');
    expect(line).toContain('cannot get resource "deployments/scale"');

    const requestsBefore = server.requests.length;
    clock.advance(INTERVAL_MS);
    expect((await autoscaler.tick()).kind).toBe('backing-off');
    expect(server.requests.length).toBe(requestsBefore);

    clock.advance(INTERVAL_MS);
    server.forbidNext(1);
    expect(await autoscaler.tick()).toEqual({
      kind: 'forbidden',
      retryAtMs: clock.nowMs() + 4 * INTERVAL_MS,
    });

    clock.advance(4 * INTERVAL_MS);
    expect(await autoscaler.tick()).toMatchObject({ kind: 'scaled', toReplicas: 2 });
    server.forbidNext(1);
    clock.advance(INTERVAL_MS);
    // A success resets the back-off to its first step.
    expect(await autoscaler.tick()).toEqual({
      kind: 'forbidden',
      retryAtMs: clock.nowMs() + 2 * INTERVAL_MS,
    });
  });

  it('on 409 re-reads the scale and retries the patch', async () => {
    const { autoscaler, logger } = setup();
    snapshot = { backlog: 6, runningShards: 0 };
    server.raceNextPatches(1);
    expect(await autoscaler.tick()).toMatchObject({ kind: 'scaled', toReplicas: 3 });
    expect(server.replicasOf(NS, NAME)).toBe(3);
    expect(server.requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET', 'PATCH']);
    const preconditions = patches().map(
      (patch) => (patch.body as { metadata: { resourceVersion: string } }).metadata.resourceVersion,
    );
    expect(new Set(preconditions).size).toBe(2);
    expect(
      logger.lines.some((l) => l.level === 'warn' && l.message.includes('the object has been modified')),
    ).toBe(true);
  });

  it('gives up after repeated 409s and tries again next tick', async () => {
    const { autoscaler, clock } = setup();
    snapshot = { backlog: 6, runningShards: 0 };
    server.raceNextPatches(MAX_CONFLICT_ATTEMPTS);
    expect(await autoscaler.tick()).toEqual({ kind: 'conflict-unresolved', attempts: MAX_CONFLICT_ATTEMPTS });
    expect(server.replicasOf(NS, NAME)).toBe(0);
    clock.advance(INTERVAL_MS);
    expect(await autoscaler.tick()).toMatchObject({ kind: 'scaled', toReplicas: 3 });
  });

  it('on 404 names the settings to check and backs off', async () => {
    const { autoscaler, clock, logger } = setup();
    server.removeDeployment(NS, NAME);
    expect(await autoscaler.tick()).toEqual({
      kind: 'not-found',
      retryAtMs: clock.nowMs() + 2 * INTERVAL_MS,
    });
    const line = logger.lines.find((l) => l.level === 'error')?.message ?? '';
    expect(line).toContain(`deployments/scale "${NAME}" in namespace "${NS}" not found`);
    expect(line).toContain('check KIAGO_AUTOSCALER_DEPLOYMENT and KIAGO_AUTOSCALER_NAMESPACE');
    expect(line).toContain(`deployments.apps "${NAME}" not found`);

    server.addDeployment(NS, NAME, 0);
    snapshot = { backlog: 1, runningShards: 0 };
    clock.advance(2 * INTERVAL_MS);
    expect(await autoscaler.tick()).toMatchObject({ kind: 'scaled', toReplicas: 1 });
  });

  it('skips a tick when the backlog cannot be read, without touching the scale', async () => {
    const clock = manualClock();
    const logger = recordingLogger();
    const autoscaler = createGpuAutoscaler({
      k8s: createK8sApi({ kubeConfig: server.kubeConfig() }),
      backlogSource: async () => {
        throw new Error('temporal unavailable');
      },
      config: config(),
      logger,
      clock,
    });
    expect(await autoscaler.tick()).toEqual({ kind: 'backlog-unavailable', reason: 'temporal unavailable' });
    expect(server.requests).toHaveLength(0);
    expect(logger.lines[0]?.message).toContain('leaving replicas as they are');
  });

  it('run() ticks every interval until aborted', async () => {
    const controller = new AbortController();
    let sleeps = 0;
    const clock: AutoscalerClock = {
      nowMs: () => sleeps * INTERVAL_MS,
      sleep: async (ms) => {
        expect(ms).toBe(INTERVAL_MS);
        sleeps += 1;
        if (sleeps === 3) controller.abort();
      },
    };
    snapshot = { backlog: 2, runningShards: 0 };
    const logger = recordingLogger();
    await createGpuAutoscaler({
      k8s: createK8sApi({ kubeConfig: server.kubeConfig() }),
      backlogSource: async () => snapshot,
      config: config(),
      logger,
      clock,
    }).run(controller.signal);
    expect(sleeps).toBe(3);
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
    expect(server.replicasOf(NS, NAME)).toBe(1);
    expect(logger.lines.at(-1)?.message).toBe('gpu autoscaler: stopped');
  });
});
