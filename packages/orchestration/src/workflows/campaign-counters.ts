import type { CampaignProgress, CampaignState, ShardOutcome } from './workflow-types.js';

/** A shard leaves `planned` (round 0) or `failed` (later rounds) when its child workflow starts. */
export function countShardStarted(state: CampaignState, from: 'planned' | 'failed'): void {
  state.counts[from]--;
  state.counts.running++;
}

export function countShardFinished(state: CampaignState, outcome: ShardOutcome): void {
  state.counts.running--;
  if (outcome.status === 'FAILED') {
    state.counts.failed++;
    return;
  }
  state.counts.succeeded++;
  state.candidates += outcome.candidates;
  if (
    outcome.bestTcKelvin !== null &&
    (state.bestTcKelvin === null || outcome.bestTcKelvin > state.bestTcKelvin)
  ) {
    state.bestTcKelvin = outcome.bestTcKelvin;
  }
}

/** A child cancelled with the run: it was running, now it is cancelled. */
export function countShardCancelled(state: CampaignState): void {
  state.counts.running--;
  state.counts.cancelled++;
}

export function progressOf(runId: string, state: CampaignState): CampaignProgress {
  const { counts } = state;
  return {
    runId,
    round: state.round,
    rounds: state.rounds,
    paused: state.paused,
    shards: {
      ...counts,
      total: counts.planned + counts.running + counts.succeeded + counts.failed + counts.cancelled,
    },
    candidates: state.candidates,
    bestTcKelvin: state.bestTcKelvin,
    executions: state.executions,
  };
}
