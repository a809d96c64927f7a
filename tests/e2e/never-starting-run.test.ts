import { randomUUID } from 'node:crypto';
import { type CampaignWorkflowInput, campaignWorkflowId } from '@kiago/orchestration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_SETTINGS, type E2eHarness, startE2eHarness } from './support/e2e-harness.js';

// A spec the schema now refuses (candidatesPerShard past a database integer), stored before it did:
// the run's first activity must fail once, not retry forever with no run row to cancel.
describe('a stored spec that cannot become a run fails its workflow at once', () => {
  let harness: E2eHarness;

  beforeAll(async () => {
    harness = await startE2eHarness({ label: 'never-start', withoutGpu: true });
  });
  afterAll(() => harness?.close());

  it('openRun refuses it once, naming the field, and writes no run', async () => {
    const spec = { ...harness.spec(), candidatesPerShard: 1_000_000_000_000_000 };
    const campaign = await harness.db.prisma.campaign.create({ data: { name: spec.name, spec } });
    const runId = randomUUID();
    const input: CampaignWorkflowInput = {
      runId,
      campaignId: campaign.id,
      trigger: 'manual',
      mode: 'new',
      taskQueues: harness.taskQueues,
      settings: E2E_SETTINGS,
    };
    const handle = await harness.client.workflow.start('CampaignWorkflow', {
      workflowId: campaignWorkflowId(runId),
      taskQueue: harness.taskQueues.orchestrator,
      args: [input],
    });
    // Before bookkeeping's typed errors were non-retryable, this never settled (the test timed out).
    const failure = await handle.result().then(
      () => undefined,
      (error: unknown) => error,
    );
    const messages: string[] = [];
    for (let link = failure as { message?: string; cause?: unknown } | undefined; link; ) {
      messages.push(link.message ?? '');
      link = link.cause as typeof link;
    }
    expect(messages.join(' | ')).toMatch(
      /candidatesPerShard: must be at most 2147483647 \(a database integer\)/,
    );
    expect(await harness.db.prisma.run.count({ where: { id: runId } })).toBe(0);
  }, 60_000);
});
