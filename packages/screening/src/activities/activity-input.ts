import { parseOrThrow } from '@kiago/shared';
import { z } from 'zod';

const shardInputSchema = z.object({ shardId: z.uuid('must be a shard uuid') });
const runInputSchema = z.object({ runId: z.uuid('must be a run uuid') });

/** Activities take ids only; a malformed one is a SpecError (non-retryable) naming the field. */
export function parseShardId(shardId: unknown, activity: string): string {
  return parseOrThrow(shardInputSchema, { shardId }, `${activity} input`).shardId;
}

export function parseRunId(runId: unknown, activity: string): string {
  return parseOrThrow(runInputSchema, { runId }, `${activity} input`).runId;
}
