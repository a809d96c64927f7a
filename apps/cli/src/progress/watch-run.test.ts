import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { createDb, type Db } from '@kiago/db';
import { createRunFixture, testDatabaseUrl } from '@kiago/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProgressReporter } from './progress-reporter.js';
import { RunNotStartedError, watchRun } from './watch-run.js';

/** A writable that records what is written; `isTTY` decides which reporter is used. */
function capture(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 120 }) as unknown as NodeJS.WriteStream;
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream, text: () => text };
}

describe('watchRun', () => {
  let db: Db;
  beforeAll(() => {
    db = createDb({ databaseUrl: testDatabaseUrl(), maxConnections: 2 });
  });
  afterAll(() => db?.close());

  /** Moves a 3-shard run through RUNNING → each shard SUCCEEDED → COMPLETED while it is watched. */
  async function driveRun(runId: string, shardIds: string[]): Promise<void> {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 60));
    await db.prisma.run.update({ where: { id: runId }, data: { status: 'RUNNING' } });
    for (const shardId of shardIds) {
      await pause();
      await db.prisma.shard.update({ where: { id: shardId }, data: { status: 'SUCCEEDED' } });
    }
    await pause();
    await db.prisma.run.update({ where: { id: runId }, data: { status: 'COMPLETED' } });
  }

  it('logs a line per change on a non-TTY stream and returns the final state', async () => {
    const { runId, shardIds } = await createRunFixture(db, { shardCount: 3 });
    const out = capture(false);
    const [final] = await Promise.all([
      watchRun({
        db,
        runId,
        reporter: createProgressReporter({ stream: out.stream, logIntervalMs: 0 }),
        pollIntervalMs: 10,
      }),
      driveRun(runId, shardIds),
    ]);
    expect(final).toMatchObject({ status: 'COMPLETED', shards: { succeeded: 3, total: 3 } });
    const lines = out.text().trim().split('\n');
    expect(lines.at(-1)).toBe('COMPLETED · shards 3/3 · candidates 0 · best Tc –');
    expect(lines).toContain('RUNNING · shards 1/3 · candidates 0 · best Tc –');
    expect(new Set(lines).size).toBe(lines.length); // unchanged states are not repeated
    expect(out.text()).not.toContain('\x1B[');
  });

  it('draws a bar on a TTY: shards done of total, candidates, best Tc', async () => {
    const { runId, shardIds } = await createRunFixture(db, { shardCount: 3 });
    const out = capture(true);
    await Promise.all([
      watchRun({ db, runId, reporter: createProgressReporter({ stream: out.stream }), pollIntervalMs: 10 }),
      driveRun(runId, shardIds),
    ]);
    expect(out.text()).toContain('\x1B['); // cursor control: redrawn in place
    expect(out.text()).toMatch(/█+ 3\/3 shards \| 0 candidates \| best Tc – \| COMPLETED/);
  });

  it('gives up on a run whose row never appears, and stops when aborted', async () => {
    const quiet = createProgressReporter({ stream: capture(false).stream });
    await expect(
      watchRun({ db, runId: randomUUID(), reporter: quiet, pollIntervalMs: 10, startTimeoutMs: 50 }),
    ).rejects.toBeInstanceOf(RunNotStartedError);
    const { runId } = await createRunFixture(db);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 50);
    await expect(
      watchRun({ db, runId, reporter: quiet, pollIntervalMs: 10, signal: stop.signal }),
    ).resolves.toBeNull();
  });
});
