/**
 * The `kiago-gpu` activities as the workflows see them: ids in, summaries out. The contract lives here,
 * not in @kiago/optimiser, so that the orchestrator proxies them without installing TensorFlow.
 * @kiago/optimiser's createGpuActivities implements it (checked by the type system).
 */
export interface GpuActivities {
  optimiseShard(input: OptimiseShardActivityInput): Promise<OptimiseShardSummary>;
  prepareReferenceEnergies(input: PrepareReferenceEnergiesInput): Promise<PrepareReferenceEnergiesSummary>;
}

export interface OptimiseShardActivityInput {
  shardId: string;
  /** Candidates per forward pass; halved by the workflow after an out-of-memory attempt. */
  microBatch?: number | undefined;
}

export interface OptimiseShardSummary {
  shardId: string;
  /** Candidate rows the shard has in the database. */
  candidates: number;
  inserted: number;
  bestTcKelvin: number | null;
  microBatch: number;
  /** True when an earlier attempt had finished the work and this one only confirmed it. */
  alreadyOptimised: boolean;
  candidateStepsPerSecond: number | null;
}

export interface PrepareReferenceEnergiesInput {
  efModelVersionId: string;
}

export interface PrepareReferenceEnergiesSummary {
  efModelVersionId: string;
  /** Energies written by this call (0 when an earlier run pinned to the version already did it). */
  predicted: number;
  /** References with an element ElemNet does not read: no candidate can contain it, so no hull needs them. */
  outsideElemNet: number;
  /** Predictions that were not finite (not stored). */
  nonFinite: number;
}
