import { insertCandidates, updateCandidateEnsembles } from '@kiago/db';
import { parseOrThrow } from '@kiago/shared';
import type { OptimiseShardActivityInput, OptimiseShardSummary } from '@kiago/worker-runtime';
import { z } from 'zod';
import { toCandidateRows } from '../optimiser/candidate-rows.js';
import { DEFAULT_MICRO_BATCH, optimiseShard } from '../optimiser/optimise-shard.js';
import type { OptimiserProgress } from '../optimiser/shard-result.js';
import { predictTcEnsemble } from '../optimiser/tc-ensemble.js';
import { isOutOfMemory, ResourceExhaustedError } from './activity-errors.js';
import type { GpuActivityDeps } from './gpu-activity-deps.js';
import { countShardCandidates, loadShardContext, patchShardProgress } from './shard-context.js';

const inputSchema = z.object({
  shardId: z.uuid('must be a shard uuid'),
  microBatch: z.int('must be an integer').min(1, 'must be ≥ 1').optional(),
});

/** Shards.progress is a mirror for people; one write every few seconds is plenty. */
const PROGRESS_WRITE_INTERVAL_MS = 3000;

/**
 * Optimises one shard and writes its candidates (DESIGN §3). Ids in, a summary out. Heartbeats
 * { stage, step, steps, bestTcKelvin } every step. Resuming after a dead worker: the run is
 * reproducible from (seed, shard), so a retry recomputes and `insertCandidates` skips the slots an
 * earlier attempt already wrote — never a duplicate row; a retry of a shard whose candidates were
 * all written (its completion marker is set) does no work at all. A run with a Tc ensemble
 * re-predicts the written candidates with its members before the marker is set.
 */
export async function optimiseShardActivity(
  deps: GpuActivityDeps,
  raw: OptimiseShardActivityInput,
): Promise<OptimiseShardSummary> {
  const input = parseOrThrow(inputSchema, raw, 'optimiseShard input');
  const runtime = deps.runtime();
  const shard = await loadShardContext(deps.db, input.shardId);
  const microBatch = Math.min(
    input.microBatch ?? shard.spec.microBatch ?? DEFAULT_MICRO_BATCH,
    shard.candidateCount,
  );
  if (shard.optimised && (await countShardCandidates(deps.db, shard.shardId)) === shard.optimised.rows) {
    return {
      shardId: shard.shardId,
      candidates: shard.optimised.rows,
      inserted: 0,
      bestTcKelvin: shard.optimised.bestTcKelvin,
      microBatch,
      alreadyOptimised: true,
      candidateStepsPerSecond: null,
    };
  }
  if (runtime.attempt > 1) {
    deps.logger.info('optimiseShard resumes a shard', {
      shardId: shard.shardId,
      attempt: runtime.attempt,
      previousHeartbeat: runtime.previousHeartbeat,
    });
  }
  const models = await deps.models.shardModels(shard);
  const reportProgress = progressReporter(deps, shard.shardId, runtime.heartbeat);
  let result: Awaited<ReturnType<typeof optimiseShard>>;
  try {
    result = await optimiseShard({
      spec: shard.spec,
      base: shard.baseFormula,
      seed: shard.seed,
      shardIndex: shard.index,
      models,
      microBatch,
      onProgress: reportProgress,
      signal: runtime.signal,
    });
  } catch (error) {
    if (isOutOfMemory(error)) throw new ResourceExhaustedError(microBatch, error);
    throw error;
  }
  const rows = toCandidateRows(result, { shardId: shard.shardId, runId: shard.runId });
  runtime.heartbeat({ stage: 'write', rows: rows.length });
  const { inserted } = await insertCandidates(deps.db, rows);
  if (shard.tcEnsembleModelVersionIds.length > 0) {
    runtime.heartbeat({ stage: 'tc-ensemble', members: shard.tcEnsembleModelVersionIds.length });
    const members = await deps.models.tcEnsemble(shard.tcEnsembleModelVersionIds);
    const stats = predictTcEnsemble(members, result.candidates, microBatch);
    await updateCandidateEnsembles(deps.db, {
      shardId: shard.shardId,
      slots: stats.map((stat) => stat.slot),
      meanKelvin: stats.map((stat) => stat.meanKelvin),
      sdKelvin: stats.map((stat) => stat.sdKelvin),
      members: members.length,
    });
  }
  const bestTcKelvin = rows.reduce<number | null>(
    (best, row) => (best === null || row.tcKelvin > best ? row.tcKelvin : best),
    null,
  );
  // The trajectory (a few hundred points) feeds the run report's optimisation plot.
  await patchShardProgress(deps.db, shard.shardId, {
    optimised: { rows: rows.length, bestTcKelvin },
    trajectory: result.trajectory,
  });
  return {
    shardId: shard.shardId,
    candidates: rows.length,
    inserted,
    bestTcKelvin,
    microBatch,
    alreadyOptimised: false,
    candidateStepsPerSecond: result.timings.candidateStepsPerSecond,
  };
}

function progressReporter(deps: GpuActivityDeps, shardId: string, heartbeat: (details: unknown) => void) {
  let lastWriteMs = Number.NEGATIVE_INFINITY;
  let writing = false;
  return (progress: OptimiserProgress) => {
    const details = {
      stage: 'optimise',
      step: progress.step,
      steps: progress.steps,
      bestTcKelvin: Number.isFinite(progress.bestTcKelvin) ? progress.bestTcKelvin : null,
    };
    heartbeat(details);
    const now = performance.now();
    if (writing || now - lastWriteMs < PROGRESS_WRITE_INTERVAL_MS) return;
    lastWriteMs = now;
    writing = true;
    patchShardProgress(deps.db, shardId, details)
      .catch((error: unknown) =>
        deps.logger.warn('could not mirror shard progress', { shardId, error: String(error) }),
      )
      .finally(() => {
        writing = false;
      });
  };
}
