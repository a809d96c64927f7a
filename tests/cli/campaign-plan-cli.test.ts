import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb } from '@kiago/db';
import { type CampaignPlan, parseCampaignPlanSettings } from '@kiago/orchestration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCampaignCommand } from '../../apps/cli/src/commands/campaign.js';
import { LaunchNotConfirmedError } from '../../apps/cli/src/commands/campaign-plan.js';
import { runKiago } from '../../apps/cli/src/commands/fixtures/run-kiago.js';
import { type IdleLaunchHarness, startIdleLaunchHarness } from '../e2e/support/idle-launch-harness.js';

// Above 100 candidate-steps a launch must be confirmed; the harness spec has 2 × 2 × 8 × 10 = 320.
const settings = parseCampaignPlanSettings({ KIAGO_CONFIRM_CANDIDATE_STEPS: '100' });

describe('kiago campaign plan, and launch asking first above KIAGO_CONFIRM_CANDIDATE_STEPS', () => {
  let harness: IdleLaunchHarness;
  const questions: string[] = [];
  const kiago = (args: string[], answer: boolean | null) =>
    runKiago([registerCampaignCommand], args, harness.ctx, {
      openDb: () => createDb({ databaseUrl: harness.databaseUrl, maxConnections: 2 }),
      campaignPlanSettings: () => settings,
      askToConfirm: (question) => {
        questions.push(question);
        return answer === null ? null : Promise.resolve(answer);
      },
    });
  async function specFile(spec: object): Promise<string> {
    const path = join(tmpdir(), `kiago-plan-spec-${randomUUID()}.json`);
    await writeFile(path, JSON.stringify(spec));
    return path;
  }

  beforeAll(async () => {
    harness = await startIdleLaunchHarness('plancli');
  });
  afterAll(() => harness?.close());

  it('plan prints the cost of examples/demo.yaml as JSON and a table, and opens nothing', async () => {
    const plan = JSON.parse(
      (
        await runKiago(
          [registerCampaignCommand],
          ['campaign', 'plan', 'examples/demo.yaml', '--format', 'json'],
        )
      ).stdout,
    ) as CampaignPlan;
    expect(plan).toMatchObject({ campaign: 'demo', shards: 6, candidateSteps: 11_520 });
    const table = (await runKiago([registerCampaignCommand], ['campaign', 'plan', 'examples/demo.yaml']))
      .stdout;
    expect(table).toMatch(/candidate-steps\s+11,520/);
    expect(table).toMatch(
      /limit: shards per run \(bases × seeds\)\s+6 of 10,000 \(0\.06 %, KIAGO_MAX_SHARDS_PER_RUN\)/,
    );
  });

  it('off a terminal, launch refuses without --yes and writes nothing; declined on a terminal too', async () => {
    const path = await specFile(harness.spec());
    const before = await harness.rowCounts();
    const refused = kiago(['campaign', 'launch', path], null);
    await expect(refused).rejects.toBeInstanceOf(LaunchNotConfirmedError);
    await expect(kiago(['campaign', 'launch', path], null)).rejects.toThrow(
      /4 shards, 320 candidate-steps \(≈ under 1 s of optimiser time at 3,227\/s\) is above 100 candidate-steps \(KIAGO_CONFIRM_CANDIDATE_STEPS\); no terminal to confirm on: pass --yes/,
    );
    await expect(kiago(['campaign', 'launch', path], false)).rejects.toThrow(/launch declined/);
    expect(questions.at(-1)).toMatch(/^field +value\n[\s\S]*\ncandidate-steps +320\n[\s\S]*\? \[y\/N\] $/);
    expect(await harness.rowCounts()).toEqual(before);
  });

  it('launches when confirmed, and with --yes without asking', async () => {
    const before = await harness.rowCounts();
    const asked = questions.length;
    const confirmed = await kiago(
      ['campaign', 'launch', await specFile(harness.spec()), '--format', 'json'],
      true,
    );
    harness.started(JSON.parse(confirmed.stdout).workflowId);
    expect(questions).toHaveLength(asked + 1);
    const withYes = await kiago(
      ['campaign', 'launch', await specFile(harness.spec()), '--yes', '--format', 'json'],
      null,
    );
    harness.started(JSON.parse(withYes.stdout).workflowId);
    expect(questions).toHaveLength(asked + 1);
    expect((await harness.rowCounts()).campaigns).toBe(before.campaigns + 2);
  });
});
