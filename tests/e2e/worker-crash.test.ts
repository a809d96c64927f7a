import { once } from 'node:events';
import { createServer } from 'node:net';
import { testDatabaseUrl } from '@kiago/db/testing';
import { launchCampaign, waitForRun } from '@kiago/orchestration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eHarness, startE2eHarness } from './support/e2e-harness.js';
import { type GpuWorkerProcess, spawnGpuWorker } from './support/gpu-worker-process.js';
import { expectConsistentRun } from './support/run-assertions.js';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

describe('a gpu-worker process killed mid-shard', () => {
  let harness: E2eHarness;
  const processes: GpuWorkerProcess[] = [];
  const startGpuWorker = (healthPort?: number) => {
    const worker = spawnGpuWorker({
      databaseUrl: testDatabaseUrl(),
      temporalAddress: harness.address,
      taskQueueSuffix: harness.taskQueueSuffix,
      ...(healthPort !== undefined && { healthPort }),
    });
    processes.push(worker);
    return worker;
  };
  beforeAll(async () => {
    harness = await startE2eHarness({ label: 'crash', withoutGpu: true });
  });
  afterAll(async () => {
    for (const worker of processes) if (worker.child.exitCode === null) worker.child.kill('SIGTERM');
    await Promise.all(processes.map((worker) => worker.exited));
    await harness?.close();
  });

  it('still ends with every shard done and no duplicate candidate rows (real SIGKILL)', {
    timeout: 180_000,
  }, async () => {
    const first = startGpuWorker();
    const { runId } = await launchCampaign(harness.ctx, {
      spec: harness.spec({ bases: ['MgB2', 'Nb3Sn'], seeds: [0], steps: 300, maxParallelShards: 2 }),
    });
    // Wait until the worker process is inside an optimisation and has heartbeated progress.
    const midShard = async () => {
      const { rows } = await harness.db.pool.query<{ step: number | null }>(
        `SELECT (s.progress->>'step')::int AS step FROM shard_attempts a JOIN shards s ON s.id = a.shard_id
         WHERE s.run_id = $1 AND a.stage = 'optimise' AND a.outcome = 'running'`,
        [runId],
      );
      return rows.some((row) => (row.step ?? 0) > 0);
    };
    for (let i = 0; i < 600 && !(await midShard()); i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await midShard(), first.output()).toBe(true);

    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const healthPort = await freePort();
    const second = startGpuWorker(healthPort);

    const run = await waitForRun(harness.ctx, runId);
    expect(run.status, second.output()).toBe('COMPLETED');
    expect(run.shards).toMatchObject({ total: 2, succeeded: 2 });
    await expectConsistentRun(harness.db, runId);
    // The killed attempt is on record: closed as lost when the retry started on the second worker.
    const { rows: attempts } = await harness.db.pool.query<{
      outcome: string;
      error_type: string | null;
      worker: string;
    }>(
      `SELECT a.outcome, a.error_type, a.worker FROM shard_attempts a JOIN shards s ON s.id = a.shard_id
       WHERE s.run_id = $1 AND a.stage = 'optimise' ORDER BY a.started_at`,
      [runId],
    );
    const lost = attempts.filter((a) => a.error_type === 'WORKER_LOST');
    expect(lost.length).toBeGreaterThanOrEqual(1);
    expect(lost.every((a) => a.worker.endsWith(`/${first.child.pid}`))).toBe(true);
    expect(
      attempts
        .filter((a) => a.outcome === 'succeeded')
        .every((a) => a.worker.endsWith(`/${second.child.pid}`)),
    ).toBe(true);
    // Every shard's candidates were written exactly once.
    const { rows: perShard } = await harness.db.pool.query<{ rows: number; optimised: number }>(
      `SELECT count(c.id)::int AS rows, (s.progress->'optimised'->>'rows')::int AS optimised
       FROM shards s LEFT JOIN candidates c ON c.shard_id = s.id WHERE s.run_id = $1 GROUP BY s.id`,
      [runId],
    );
    for (const shard of perShard) expect(shard.rows).toBe(shard.optimised);

    // The surviving process is ready (Postgres, Temporal, its worker) and drains on SIGTERM.
    const ready = await fetch(`http://127.0.0.1:${healthPort}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      checks: [
        { name: 'postgres', ok: true },
        { name: 'temporal', ok: true },
        { name: 'workers', ok: true },
      ],
    });
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
});
