export interface ReplicaDemand {
  /** Shard activities waiting in the `kiago-gpu` task queue. */
  backlog: number;
  /** Shard activities already running on gpu-worker pods. */
  runningShards: number;
  /** Shards one pod runs at once (KIAGO_GPU_SLOTS). */
  slotsPerReplica: number;
  min: number;
  max: number;
}

function requireCount(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`desiredReplicas: ${name} must be an integer >= ${min}, got ${value}`);
  }
}

/**
 * Pods needed so that every waiting and running shard has a slot, within [min, max].
 * Running shards count too: scaling below them would evict work in progress.
 */
export function desiredReplicas(demand: ReplicaDemand): number {
  const { backlog, runningShards, slotsPerReplica, min, max } = demand;
  requireCount('backlog', backlog, 0);
  requireCount('runningShards', runningShards, 0);
  requireCount('slotsPerReplica', slotsPerReplica, 1);
  requireCount('min', min, 0);
  requireCount('max', max, Math.max(min, 1));
  const needed = Math.ceil((backlog + runningShards) / slotsPerReplica);
  return Math.min(max, Math.max(min, needed));
}
