import { type RunStatus, withTransaction } from '@kiago/db';
import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';
import type { OrchestratorActivityDeps } from './orchestrator-activity-deps.js';

const pausedInputSchema = z.object({ runId: z.uuid('must be a run uuid'), paused: z.boolean() });

/** Mirrors the workflow's pause flag in runs.status (RUNNING ↔ PAUSED) for the CLI and the API. */
export async function setRunPaused(deps: OrchestratorActivityDeps, raw: z.input<typeof pausedInputSchema>) {
  const input = parseOrThrow(pausedInputSchema, raw, 'setRunPaused input');
  await deps.db.pool.query(
    `UPDATE runs SET status = $2::run_status WHERE id = $1 AND status IN ('RUNNING', 'PAUSED')`,
    [input.runId, input.paused ? 'PAUSED' : 'RUNNING'],
  );
}

const finishRunInputSchema = z.object({
  runId: z.uuid('must be a run uuid'),
  outcome: z.enum(['completed', 'cancelled', 'failed']),
  error: z.string().optional(),
});
export type FinishRunInput = z.input<typeof finishRunInputSchema>;

const CLOSE_ATTEMPTS_SQL = `UPDATE shard_attempts a SET outcome = 'cancelled', finished_at = now()
  FROM shards s WHERE a.shard_id = s.id AND s.run_id = $1 AND a.outcome = 'running'`;
// A shard that never started (or whose workflow never reported) still says why it stopped.
const CLOSE_SHARDS_SQL = `UPDATE shards SET status = 'CANCELLED', finished_at = now(),
  error_type = $3, last_error = $2
  WHERE run_id = $1 AND status IN ('PLANNED', 'RUNNING')`;

/**
 * The run's final status. `completed` → COMPLETED, or COMPLETED_WITH_FAILURES while any shard is
 * parked FAILED. `cancelled`/`failed` leave a consistent state in one transaction: shards that never
 * finished become CANCELLED, attempts still marked running are closed, the run gets its status.
 */
export async function finishRun(
  deps: OrchestratorActivityDeps,
  raw: FinishRunInput,
): Promise<{ status: RunStatus }> {
  const input = parseOrThrow(finishRunInputSchema, raw, 'finishRun input');
  const status = await withTransaction(deps.db, async (client) => {
    let runStatus: RunStatus;
    if (input.outcome === 'completed') {
      const { rows } = await client.query<{ failed: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM shards WHERE run_id = $1 AND status <> 'SUCCEEDED') AS failed`,
        [input.runId],
      );
      runStatus = rows[0]?.failed ? 'COMPLETED_WITH_FAILURES' : 'COMPLETED';
    } else {
      runStatus = input.outcome === 'cancelled' ? 'CANCELLED' : 'FAILED';
      const cancelled = input.outcome === 'cancelled';
      const reason = cancelled
        ? 'run cancelled before this shard finished'
        : `run failed: ${input.error ?? ''}`;
      await client.query(CLOSE_ATTEMPTS_SQL, [input.runId]);
      await client.query(CLOSE_SHARDS_SQL, [input.runId, reason, cancelled ? 'CANCELLED' : 'RUN_FAILED']);
    }
    const summaryPatch = input.outcome === 'failed' ? { error: input.error ?? 'unknown' } : {};
    await client.query(
      `UPDATE runs SET status = $2::run_status, finished_at = now(),
         summary = CASE WHEN $3::jsonb = '{}'::jsonb THEN summary ELSE coalesce(summary, '{}'::jsonb) || $3::jsonb END
       WHERE id = $1`,
      [input.runId, runStatus, JSON.stringify(summaryPatch)],
    );
    return runStatus;
  });
  deps.logger.info('run finished', { runId: input.runId, status });
  return { status };
}
