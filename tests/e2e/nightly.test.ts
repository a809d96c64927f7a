import { randomUUID } from 'node:crypto';
import { promoteModelVersion } from '@kiago/optimiser';
import {
  backfillNightlySchedule,
  deleteNightlySchedule,
  describeNightlySchedule,
  launchCampaign,
  type NightlyWorkflowResult,
  type OrchestrationContext,
  pauseNightlySchedule,
  type RunDiffReport,
  setNightlySchedule,
  triggerNightlySchedule,
  unpauseNightlySchedule,
  waitForRun,
} from '@kiago/orchestration';
import { NotFoundError } from '@kiago/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerTinyModelVersions } from '../../packages/optimiser/src/activities/fixtures/tiny-model-versions.js';
import { type E2eHarness, startE2eHarness } from './support/e2e-harness.js';

describe('nightly re-runs from a Temporal Schedule', () => {
  let harness: E2eHarness;
  let ctx: OrchestrationContext;
  beforeAll(async () => {
    harness = await startE2eHarness({ label: 'nightly' });
    ctx = { ...harness.ctx, nightlyScheduleId: `kiago-nightly-${randomUUID().slice(0, 8)}` };
    await promoteModelVersion(harness.db, 'tc', harness.models.tc);
    await promoteModelVersion(harness.db, 'ef', harness.models.ef);
  });
  afterAll(() => harness?.close());

  /** Runs of the Schedule so far; waits for the next one to appear and returns its result. */
  async function nextNightlyResult(previousRuns: number): Promise<NightlyWorkflowResult> {
    for (let i = 0; i < 300; i++) {
      const { recentRuns } = await describeNightlySchedule(ctx);
      const latest = recentRuns.at(-1);
      if (recentRuns.length > previousRuns && latest) {
        return harness.client.workflow.getHandle(latest.workflowId).result();
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the Schedule started no workflow');
  }

  it('re-runs a nightly campaign pinned to the newly promoted model version and stores the diff', async () => {
    const spec = harness.spec({
      bases: ['MgB2', 'Nb3Sn'],
      seeds: [0],
      nightly: true,
      models: { tc: 'latest', ef: 'latest' },
    });
    const first = await launchCampaign(harness.ctx, { spec });
    expect((await waitForRun(harness.ctx, first.runId)).status).toBe('COMPLETED');

    const created = await setNightlySchedule(ctx, { cron: '0 2 * * *', timezone: 'Europe/Berlin' });
    expect(created).toMatchObject({ created: true, paused: false, timezone: 'Europe/Berlin' });
    expect(created.nextRuns[0]!.getTime()).toBeGreaterThan(Date.now());
    const updated = await setNightlySchedule(ctx, { cron: '30 3 * * *', timezone: 'UTC' });
    expect(updated).toMatchObject({ created: false, timezone: 'UTC' });
    expect(updated.nextRuns[0]!.getUTCHours() * 60 + updated.nextRuns[0]!.getUTCMinutes()).toBe(3 * 60 + 30);

    // Nothing changed since the first run: the night skips the campaign.
    await triggerNightlySchedule(ctx);
    const unchanged = await nextNightlyResult(0);
    expect(unchanged.started.filter((run) => run.campaignName === spec.name)).toEqual([]);
    expect(unchanged.skipped.find((skip) => skip.campaignName === spec.name)?.reason).toMatch(
      /unchanged since run/,
    );

    // A new ElemNet is promoted: the next night re-runs the campaign with it.
    const newEf = `${harness.models.ef}-v2`;
    const { efModelVersionId: newEfId } = await registerTinyModelVersions(
      harness.db,
      { tc: `${harness.models.tc}-v2`, ef: newEf },
      { seed: 2 },
    );
    await promoteModelVersion(harness.db, 'ef', newEf);
    await triggerNightlySchedule(ctx);
    const night = await nextNightlyResult(1);
    const rerun = night.started.find((run) => run.campaignName === spec.name);
    expect(rerun).toMatchObject({ previousRunId: first.runId, status: 'COMPLETED' });

    const second = await harness.db.prisma.run.findUniqueOrThrow({ where: { id: rerun!.runId } });
    expect(second).toMatchObject({
      trigger: 'nightly',
      efModelVersionId: newEfId,
      previousRunId: first.runId,
    });
    const diff = await harness.db.prisma.runDiff.findUniqueOrThrow({ where: { runId: second.id } });
    const report = diff.report as unknown as RunDiffReport;
    expect(report.previousRunId).toBe(first.runId);
    expect(report.modelVersions).toMatchObject({
      previous: { ef: harness.models.ef },
      current: { ef: newEf },
    });
    expect(report.materials.current).toBe(
      await harness.db.prisma.runMaterial.count({ where: { runId: second.id } }),
    );
    // The hull of the re-run used the new version's reference energies.
    expect(
      await harness.db.prisma.referenceEnergy.count({ where: { modelVersionId: newEfId } }),
    ).toBeGreaterThan(0);
  });

  it('pauses, resumes, backfills and deletes the Schedule', async () => {
    await pauseNightlySchedule(ctx, 'maintenance');
    expect(await describeNightlySchedule(ctx)).toMatchObject({ paused: true, note: 'maintenance' });
    await unpauseNightlySchedule(ctx);
    expect((await describeNightlySchedule(ctx)).paused).toBe(false);

    const before = (await describeNightlySchedule(ctx)).recentRuns.length;
    const day = 24 * 3_600_000;
    const midnight = Math.floor(Date.now() / day) * day;
    // One 03:30 UTC slot in the range: exactly one backfilled night.
    await backfillNightlySchedule(ctx, {
      start: new Date(midnight - 2 * day),
      end: new Date(midnight - day),
    });
    const backfilled = await nextNightlyResult(before);
    expect(backfilled.started).toEqual([]); // nothing changed since the nightly re-run

    await deleteNightlySchedule(ctx);
    await expect(describeNightlySchedule(ctx)).rejects.toBeInstanceOf(NotFoundError);
  });
});
