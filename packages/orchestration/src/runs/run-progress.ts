import type { Db, RunStatus } from '@kiago/db';
import { NotFoundError } from '@kiago/shared';
import type { ShardStatusCounts } from '../workflows/workflow-types.js';

export interface RunningShard {
  index: number;
  baseFormula: string;
  /** Last mirrored heartbeat: { stage, step, steps, bestTcKelvin }. */
  progress: Record<string, unknown>;
}

/** Where a run stands, read from Postgres (works for finished runs and without Temporal). */
export interface RunProgress {
  runId: string;
  campaignName: string;
  status: RunStatus;
  trigger: string;
  workflowId: string | null;
  shards: ShardStatusCounts & { total: number };
  candidates: number;
  bestTcKelvin: number | null;
  running: RunningShard[];
  startedAt: Date | null;
  finishedAt: Date | null;
}

const LOWER: Record<string, keyof ShardStatusCounts> = {
  PLANNED: 'planned',
  RUNNING: 'running',
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
};

export async function readRunProgress(db: Db, runId: string): Promise<RunProgress> {
  const run = await db.prisma.run.findUnique({
    where: { id: runId },
    include: { campaign: { select: { name: true } } },
  });
  if (!run) throw new NotFoundError('run', runId);
  const grouped = await db.prisma.shard.groupBy({ by: ['status'], where: { runId }, _count: { _all: true } });
  const shards = { planned: 0, running: 0, succeeded: 0, failed: 0, cancelled: 0, total: 0 };
  for (const group of grouped) {
    const key = LOWER[group.status];
    if (key) shards[key] += group._count._all;
    shards.total += group._count._all;
  }
  const [{ rows: totals }, running] = await Promise.all([
    db.pool.query<{ candidates: number; best: number | null }>(
      `SELECT count(*)::int AS candidates, max(tc_kelvin) FILTER (WHERE tc_kelvin <> 'NaN') AS best
       FROM candidates WHERE run_id = $1`,
      [runId],
    ),
    db.prisma.shard.findMany({
      where: { runId, status: 'RUNNING' },
      select: { index: true, baseFormula: true, progress: true },
      orderBy: { index: 'asc' },
      take: 100,
    }),
  ]);
  return {
    runId,
    campaignName: run.campaign.name,
    status: run.status,
    trigger: run.trigger,
    workflowId: run.workflowId,
    shards,
    candidates: totals[0]?.candidates ?? 0,
    bestTcKelvin: totals[0]?.best ?? null,
    running: running.map((shard) => ({
      index: shard.index,
      baseFormula: shard.baseFormula,
      progress: (shard.progress ?? {}) as Record<string, unknown>,
    })),
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}
