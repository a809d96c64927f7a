import { randomUUID } from 'node:crypto';
import type { Db } from '@kiago/db';
import { KiagoError } from '@kiago/shared';
import { resolveModelVersions } from './model-versions.js';
import { parseStoredSpec } from './stored-spec.js';

export interface PlannedNightlyRun {
  campaignId: string;
  campaignName: string;
  /** Generated here so the workflow (which must stay deterministic) receives it from history. */
  runId: string;
  previousRunId: string | null;
}

export interface NightlyPlan {
  runs: PlannedNightlyRun[];
  skipped: { campaignName: string; reason: string }[];
}

const FINISHED = ['COMPLETED', 'COMPLETED_WITH_FAILURES'] as const;
const ACTIVE = ['PLANNED', 'RUNNING', 'PAUSED'] as const;

/**
 * Which nightly campaigns to re-run now: each with its latest active model versions, diffed against
 * its last finished run. Skipped: a campaign with a run still in progress; one whose pinned model
 * versions and spec are unchanged since its last finished run (unless `force`); one whose spec or
 * models cannot be resolved (reported, so one broken campaign does not stop the night).
 */
export async function planNightlyRuns(db: Db, { force }: { force: boolean }): Promise<NightlyPlan> {
  const campaigns = await db.prisma.campaign.findMany({ where: { nightly: true }, orderBy: { name: 'asc' } });
  const plan: NightlyPlan = { runs: [], skipped: [] };
  for (const campaign of campaigns) {
    const active = await db.prisma.run.findFirst({
      where: { campaignId: campaign.id, status: { in: [...ACTIVE] } },
      select: { id: true },
    });
    if (active) {
      plan.skipped.push({ campaignName: campaign.name, reason: `run ${active.id} is still in progress` });
      continue;
    }
    let versions: Awaited<ReturnType<typeof resolveModelVersions>>;
    try {
      versions = await resolveModelVersions(db, parseStoredSpec(campaign.spec, campaign.name).models);
    } catch (error) {
      if (!(error instanceof KiagoError)) throw error;
      plan.skipped.push({ campaignName: campaign.name, reason: error.message });
      continue;
    }
    const previous = await db.prisma.run.findFirst({
      where: { campaignId: campaign.id, status: { in: [...FINISHED] } },
      orderBy: { createdAt: 'desc' },
    });
    const unchanged =
      previous !== null &&
      previous.tcModelVersionId === versions.tc.id &&
      previous.efModelVersionId === versions.ef.id &&
      campaign.updatedAt <= previous.createdAt;
    if (unchanged && !force) {
      plan.skipped.push({
        campaignName: campaign.name,
        reason: `models (tc ${versions.tc.version}, ef ${versions.ef.version}) and spec unchanged since run ${previous.id}`,
      });
      continue;
    }
    plan.runs.push({
      campaignId: campaign.id,
      campaignName: campaign.name,
      runId: randomUUID(),
      previousRunId: previous?.id ?? null,
    });
  }
  return plan;
}
