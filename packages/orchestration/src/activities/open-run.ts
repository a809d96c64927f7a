import { type Db, withTransaction } from '@kiago/db';
import { NotFoundError, parseOrThrow, planShards, SpecError } from '@kiago/shared';
import { z } from 'zod';
import { resolveModelVersions } from '../runs/model-versions.js';
import { parseStoredSpec } from '../runs/stored-spec.js';
import type { ShardStatusCounts } from '../workflows/workflow-types.js';
import type { OrchestratorActivityDeps } from './orchestrator-activity-deps.js';

const openRunInputSchema = z.object({
  runId: z.uuid('must be a run uuid'),
  campaignId: z.uuid('must be a campaign uuid'),
  workflowId: z.string().min(1, 'must name the workflow'),
  trigger: z.enum(['manual', 'nightly', 'retry']),
  mode: z.enum(['new', 'retry-failed']),
  previousRunId: z.uuid('must be a run uuid').optional(),
});
export type OpenRunInput = z.input<typeof openRunInputSchema>;

/** What the CampaignWorkflow needs to drive a run: limits from the spec and where the run stands. */
export interface OpenedRun {
  runId: string;
  efModelVersionId: string;
  tcModelVersionId: string;
  maxParallelShards: number;
  shardRetryRounds: number;
  counts: ShardStatusCounts;
  candidates: number;
  bestTcKelvin: number | null;
}

// unnest keeps the insert one statement whatever the shard count (10,000 shards = 50,000 values).
const INSERT_SHARDS_SQL = `INSERT INTO shards (run_id, index, base_formula, seed, candidate_count)
  SELECT $1, s.index, s.base, s.seed, $5 FROM unnest($2::int[], $3::text[], $4::bigint[]) AS s(index, base, seed)`;

/**
 * `new`: creates the Run (model versions resolved and pinned now) with one PLANNED shard per
 * base × seed, in one transaction; idempotent on the run id, so a retried activity finds its run.
 * `retry-failed`: re-opens a finished run for another pass over its failed shards.
 */
export async function openRun(deps: OrchestratorActivityDeps, raw: OpenRunInput): Promise<OpenedRun> {
  const input = parseOrThrow(openRunInputSchema, raw, 'openRun input');
  const existing = await deps.db.prisma.run.findUnique({
    where: { id: input.runId },
    select: { status: true },
  });
  if (input.mode === 'new') {
    if (!existing) await createRun(deps.db, input);
  } else {
    if (!existing) throw new NotFoundError('run', input.runId);
    await reopenRun(deps.db, input.runId, input.workflowId, existing.status);
  }
  return describeRun(deps.db, input.runId);
}

async function createRun(db: Db, input: z.output<typeof openRunInputSchema>): Promise<void> {
  const campaign = await db.prisma.campaign.findUnique({ where: { id: input.campaignId } });
  if (!campaign) throw new NotFoundError('campaign', input.campaignId);
  const spec = parseStoredSpec(campaign.spec, campaign.name);
  const models = await resolveModelVersions(db, spec.models);
  const shards = planShards(spec);
  await withTransaction(db, async (client) => {
    await client.query(
      `INSERT INTO runs (id, campaign_id, status, tc_model_version_id, ef_model_version_id,
         tc_ensemble_model_version_ids, workflow_id, previous_run_id, trigger, started_at)
       VALUES ($1, $2, 'RUNNING', $3, $4, $5::uuid[], $6, $7, $8, now()) ON CONFLICT (id) DO NOTHING`,
      [
        input.runId,
        campaign.id,
        models.tc.id,
        models.ef.id,
        models.tcEnsemble.map((member) => member.id),
        input.workflowId,
        input.previousRunId ?? null,
        input.trigger,
      ],
    );
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM shards WHERE run_id = $1',
      [input.runId],
    );
    if (rows[0]?.n === 0) {
      await client.query(INSERT_SHARDS_SQL, [
        input.runId,
        shards.map((shard) => shard.index),
        shards.map((shard) => shard.base),
        shards.map((shard) => shard.seed),
        spec.candidatesPerShard,
      ]);
    }
  });
}

const REOPENABLE = new Set(['COMPLETED', 'COMPLETED_WITH_FAILURES', 'FAILED', 'CANCELLED']);

async function reopenRun(db: Db, runId: string, workflowId: string, status: string): Promise<void> {
  const current = await db.prisma.run.findUniqueOrThrow({
    where: { id: runId },
    select: { workflowId: true },
  });
  // retryFailedShards claims the run for this workflow before starting it (or a retried activity re-opened it).
  if (current.workflowId === workflowId) return;
  if (!REOPENABLE.has(status)) {
    throw new SpecError('retry-failed', [
      {
        path: 'runId',
        message: `run ${runId} is ${status}; failed shards can be retried once it has finished`,
      },
    ]);
  }
  await db.prisma.run.update({
    where: { id: runId },
    data: { status: 'RUNNING', workflowId, finishedAt: null },
  });
}

async function describeRun(db: Db, runId: string): Promise<OpenedRun> {
  const run = await db.prisma.run.findUniqueOrThrow({ where: { id: runId }, include: { campaign: true } });
  const spec = parseStoredSpec(run.campaign.spec, run.campaign.name);
  const grouped = await db.prisma.shard.groupBy({ by: ['status'], where: { runId }, _count: { _all: true } });
  const count = (status: string) => grouped.find((group) => group.status === status)?._count._all ?? 0;
  const { rows } = await db.pool.query<{ candidates: number; best: number | null }>(
    `SELECT count(*)::int AS candidates, max(tc_kelvin) FILTER (WHERE tc_kelvin <> 'NaN') AS best
     FROM candidates WHERE run_id = $1`,
    [runId],
  );
  return {
    runId,
    efModelVersionId: run.efModelVersionId,
    tcModelVersionId: run.tcModelVersionId,
    maxParallelShards: spec.maxParallelShards,
    shardRetryRounds: spec.shardRetryRounds,
    counts: {
      planned: count('PLANNED'),
      running: count('RUNNING'),
      succeeded: count('SUCCEEDED'),
      failed: count('FAILED'),
      cancelled: count('CANCELLED'),
    },
    candidates: rows[0]?.candidates ?? 0,
    bestTcKelvin: rows[0]?.best ?? null,
  };
}
