import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { ShardRef } from '../workflows/workflow-types.js';
import type { OrchestratorActivityDeps } from './orchestrator-activity-deps.js';

const pageInputSchema = z.object({
  runId: z.uuid('must be a run uuid'),
  status: z.enum(['PLANNED', 'FAILED']),
  errorTypes: z.array(z.string().min(1)).min(1, 'must list at least one error type when set').optional(),
  afterIndex: z.int().min(-1),
  limit: z.int().min(1).max(10_000),
});
export type ShardPageInput = z.input<typeof pageInputSchema>;

export type { ShardRef };

/** The next page of a run's shards in one status, in index order (ids only: they go into workflow history). */
export async function listShardPage(
  deps: OrchestratorActivityDeps,
  raw: ShardPageInput,
): Promise<ShardRef[]> {
  const input = parseOrThrow(pageInputSchema, raw, 'listShardPage input');
  const { rows } = await deps.db.pool.query<ShardRef>(
    `SELECT id, index FROM shards
     WHERE run_id = $1 AND status = $2::shard_status AND index > $3
       AND ($4::text[] IS NULL OR error_type = ANY($4::text[]))
     ORDER BY index LIMIT $5`,
    [input.runId, input.status, input.afterIndex, input.errorTypes ?? null, input.limit],
  );
  return rows;
}

const finishShardInputSchema = z.object({
  shardId: z.uuid('must be a shard uuid'),
  status: z.enum(['SUCCEEDED', 'FAILED', 'CANCELLED']),
  errorType: z.string().optional(),
  message: z.string().optional(),
});
export type FinishShardInput = z.input<typeof finishShardInputSchema>;

// A shard is parked FAILED with the error of its last attempt; success clears an earlier round's error.
// Cancelling never overwrites a shard that already finished.
const FINISH_SQL: Record<FinishShardInput['status'], string> = {
  SUCCEEDED: `UPDATE shards SET status = 'SUCCEEDED', finished_at = now(), last_error = NULL, error_type = NULL,
      progress = progress || '{"stage": "done"}' WHERE id = $1`,
  FAILED: `UPDATE shards SET status = 'FAILED', finished_at = now(), error_type = $2, last_error = $3
      WHERE id = $1`,
  CANCELLED: `UPDATE shards SET status = 'CANCELLED', finished_at = now(), error_type = $2, last_error = $3
      WHERE id = $1 AND status IN ('PLANNED', 'RUNNING')`,
};

export async function finishShard(deps: OrchestratorActivityDeps, raw: FinishShardInput): Promise<void> {
  const input = parseOrThrow(finishShardInputSchema, raw, 'finishShard input');
  const params: unknown[] = [input.shardId];
  // Every parked or cancelled shard says why.
  if (input.status === 'FAILED') params.push(input.errorType ?? 'Error', input.message ?? '');
  if (input.status === 'CANCELLED') {
    params.push(input.errorType ?? 'CANCELLED', input.message ?? 'cancelled with its run');
  }
  await deps.db.pool.query(FINISH_SQL[input.status], params);
}
