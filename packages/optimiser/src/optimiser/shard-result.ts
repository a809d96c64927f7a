import type { CampaignModeKind } from '@kiago/shared';

/** Which generator produced a shard's candidates. */
export type ShardMethod =
  | 'kiago'
  | 'kiago-random-init'
  | 'random-init-first-stage'
  | 'rule-based-rounding'
  | 'c-es';

/** Why a candidate has no integer form (it is kept in the result, but never written as a row). */
export type CandidateFailure = 'non-finite-composition' | 'empty-integer-formula' | 'no-hydride-integer-form';

export interface ShardCandidate {
  /** Index within the shard (the Candidate row's `slot`). */
  slot: number;
  /** Continuous composition: symbol → fraction (> 0), Z order. */
  composition: Record<string, number>;
  tcContinuousKelvin: number;
  efContinuousEvPerAtom: number;
  /** N*: atoms of the integer formula's cell (the integer-loss argmin, or maxAtoms for rule-based rounding). */
  nUnits: number | null;
  /** Integer counts at N*, Z order, zeros dropped. */
  counts: Record<string, number> | null;
  /** The integer formula at N*, Z order, e.g. "O4CuLa2". */
  formula: string | null;
  /** Re-predicted on the rounded, renormalised composition. */
  tcKelvin: number | null;
  efEvPerAtom: number | null;
  failure?: CandidateFailure;
}

/** Per-step statistics, subsampled to a few hundred points (for heartbeats and reports). */
export interface ShardTrajectory {
  step: number[];
  meanLoss: number[];
  meanTcKelvin: number[];
  bestTcKelvin: number[];
}

export interface ShardResult {
  method: ShardMethod;
  mode: CampaignModeKind;
  base: string;
  seed: number;
  shardIndex: number;
  /** The uint32 every random draw of this shard came from (shardSeed(seed, shardIndex)). */
  shardSeed: number;
  steps: number;
  candidates: ShardCandidate[];
  /** The final continuous compositions, candidates × 118 fractions, row-major. */
  continuous: Float32Array;
  /** x at T/2, the end of the first stage (before M_max and the integer loss), candidates × 118;
   * null when nothing was optimised (C-ES). */
  firstStageContinuous: Float32Array | null;
  /** Predictions on the base composition itself (the ΔTc reference). */
  baseTcKelvin: number;
  baseEfEvPerAtom: number;
  /** (candidate, step) pairs whose loss was NaN and counted as 0. */
  nanLossCount: number;
  trajectory: ShardTrajectory;
  timings: { optimiseMs: number; finaliseMs: number; candidateStepsPerSecond: number };
}

/** Progress after each optimiser step (heartbeats, progress bars). */
export interface OptimiserProgress {
  /** Steps completed (1…steps). */
  step: number;
  steps: number;
  meanLoss: number;
  meanTcKelvin: number;
  bestTcKelvin: number;
  nanLossCount: number;
}
