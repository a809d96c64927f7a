import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpecError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCampaignCommand } from '../../apps/cli/src/commands/campaign.js';
import { registerCandidatesCommand } from '../../apps/cli/src/commands/candidates.js';
import { runKiago } from '../../apps/cli/src/commands/fixtures/run-kiago.js';
import { registerReportCommand } from '../../apps/cli/src/commands/report.js';
import { registerRunCommand } from '../../apps/cli/src/commands/run.js';
import { type E2eHarness, startE2eHarness } from '../e2e/support/e2e-harness.js';

const COMMANDS = [
  registerCampaignCommand,
  registerRunCommand,
  registerCandidatesCommand,
  registerReportCommand,
];

// Real Temporal dev server, real workers of all three queues, tiny models (tests/e2e/support).
describe('kiago campaign launch / run … against real workers', () => {
  let harness: E2eHarness;
  const kiago = (...args: string[]) => runKiago(COMMANDS, args, harness);
  const json = async (...args: string[]) => JSON.parse((await kiago(...args, '--format', 'json')).stdout);
  async function specFile(spec: object): Promise<string> {
    const path = join(tmpdir(), `kiago-cli-spec-${randomUUID()}.json`);
    await writeFile(path, JSON.stringify(spec));
    return path;
  }

  beforeAll(async () => {
    harness = await startE2eHarness({ label: 'cli' });
  });
  afterAll(() => harness?.close());

  it('launch --wait follows the run to COMPLETED; status, top candidates and report read it back', async () => {
    const spec = harness.spec();
    const launch = await kiago(
      'campaign',
      'launch',
      await specFile(spec),
      '--wait',
      '--poll-interval',
      '1',
      '--format',
      'json',
    );
    const output = JSON.parse(launch.stdout);
    expect(output).toMatchObject({
      campaign: { name: spec.name, change: 'created' },
      modelVersions: { tc: { version: harness.models.tc }, ef: { version: harness.models.ef } },
      run: { status: 'COMPLETED', shards: { total: 6, succeeded: 6 } },
    });
    expect(output.run.candidates).toBeGreaterThan(0);
    // Non-TTY stderr: the launch line, then progress lines ending with the final state.
    expect(launch.stderr).toMatch(new RegExp(`^launched run ${output.runId} of campaign ${spec.name}\\n`));
    expect(launch.stderr.trim().split('\n').at(-1)).toMatch(
      /^COMPLETED · shards 6\/6 · candidates \d+ · best Tc [\d.]+ K$/,
    );

    const status = await json('run', 'status', output.runId);
    expect(status.database).toMatchObject({ status: 'COMPLETED', candidates: output.run.candidates });
    const top = await json('candidates', 'top', '--run', output.runId, '--limit', '3');
    expect(top).toHaveLength(3);
    expect(top[0].tcKelvin).toBe(output.run.bestTcKelvin);
    const report = await json('report', output.runId);
    expect(report.funnel.stages[0]).toMatchObject({
      key: 'generated',
      label: 'generated',
      count: output.run.candidates,
    });
    // Distinct formulas among them: at least one, at most one per candidate.
    expect(report.funnel.stages[0].distinctFormulas).toBeGreaterThan(0);
    expect(report.funnel.stages[0].distinctFormulas).toBeLessThanOrEqual(output.run.candidates);
    await expect(kiago('run', 'retry-failed', output.runId)).rejects.toThrow(/has no failed shards/);
  });

  it('pause, resume and cancel a running run', async () => {
    const spec = harness.spec({ seeds: [0, 1, 2, 3], steps: 400, maxParallelShards: 1 });
    const { runId } = await json('campaign', 'launch', await specFile(spec));
    for (let i = 0; i < 200; i++) {
      const { database } = await json('run', 'status', runId).catch(() => ({ database: null }));
      if (database?.status === 'RUNNING') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await kiago('run', 'pause', runId)).stdout).toBe(`pause signal sent to run ${runId}\n`);
    let paused = false;
    for (let i = 0; i < 100 && !paused; i++) {
      paused = (await json('run', 'status', runId)).workflow?.paused === true;
      if (!paused) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(paused).toBe(true);
    await kiago('run', 'resume', runId);
    const cancelled = await json('run', 'cancel', runId, '--wait');
    expect(cancelled).toMatchObject({ runId, status: 'CANCELLED' });
    expect(cancelled.shards.running + cancelled.shards.planned).toBe(0);
  });

  it('refuses an invalid spec file naming the file and fields, writing nothing', async () => {
    const path = await specFile({ ...harness.spec(), steps: 1, bases: ['MgB2', 'Xx2O'] });
    const before = await harness.db.prisma.campaign.count();
    const launched = kiago('campaign', 'launch', path);
    await expect(launched).rejects.toBeInstanceOf(SpecError);
    await expect(launched).rejects.toThrow(new RegExp(`${path}: .*bases\\.1.*steps`));
    expect(await harness.db.prisma.campaign.count()).toBe(before);
    await expect(kiago('campaign', 'launch', path, '--poll-interval', '0')).rejects.toThrow(
      /--poll-interval must be at least 1/,
    );
  });
});
