import { randomUUID } from 'node:crypto';
import { NotFoundError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKiago } from '../../apps/cli/src/commands/fixtures/run-kiago.js';
import { registerScheduleCommand } from '../../apps/cli/src/commands/schedule.js';
import { type E2eHarness, startE2eHarness } from '../e2e/support/e2e-harness.js';

// trigger, backfill and run-now start NightlyWorkflows that re-run every nightly campaign in the shared
// test database; the nightly e2e tests cover those functions. Here: the commands around them.
describe('kiago schedule nightly … on the dev server', () => {
  let harness: E2eHarness;
  const nightlyScheduleId = `kiago-nightly-cli-${randomUUID().slice(0, 8)}`;
  const kiago = (...args: string[]) =>
    runKiago([registerScheduleCommand], ['schedule', 'nightly', ...args], { ...harness, nightlyScheduleId });
  const json = async (...args: string[]) => JSON.parse((await kiago(...args, '--format', 'json')).stdout);

  beforeAll(async () => {
    harness = await startE2eHarness({ label: 'cli-schedule', withoutGpu: true });
  });
  afterAll(() => harness?.close());

  it('creates, updates, pauses, resumes and deletes the Schedule', async () => {
    const created = await json('--cron', '0 2 * * *', '--tz', 'Europe/Berlin', '--note', 'cli test');
    expect(created).toMatchObject({
      scheduleId: nightlyScheduleId,
      created: true,
      paused: false,
      timezone: 'Europe/Berlin',
    });
    expect(created.nextRuns.length).toBeGreaterThan(0);
    const updated = await json('--cron', '30 3 * * *');
    expect(updated).toMatchObject({ created: false, timezone: 'UTC' });
    // 03:30 UTC every day.
    expect(
      new Date(updated.nextRuns[0]).getUTCHours() * 60 + new Date(updated.nextRuns[0]).getUTCMinutes(),
    ).toBe(210);

    expect((await kiago('pause', '--note', 'maintenance')).stdout).toBe('nightly schedule paused\n');
    expect(await json('show')).toMatchObject({ paused: true, note: 'maintenance' });
    await kiago('resume');
    const { stdout } = await kiago('show');
    expect(stdout).toMatch(/state\s+active/);

    expect((await kiago('delete')).stdout).toBe('nightly schedule deleted\n');
    await expect(kiago('show')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('names the flag in validation errors', async () => {
    await expect(kiago()).rejects.toThrow(/--cron is required/);
    await expect(kiago('--cron', '0 2 * *')).rejects.toThrow(/cron must have 5 fields/);
    await expect(kiago('--cron', '0 2 * * *', '--tz', 'Mars/Olympus')).rejects.toThrow(
      /timezone must be an IANA time zone/,
    );
    await expect(kiago('backfill', '--start', '2025-01-07', '--end', '2025-01-01')).rejects.toThrow(
      /end: --end must be after --start/,
    );
    await expect(kiago('backfill', '--start', 'yesterday', '--end', '2025-01-01')).rejects.toThrow(
      /--start must be an ISO/,
    );
  });
});
