import { compositionToVector, ELEMENT_COUNT } from '@kiago/shared';
import type { TcInference } from '../inference/inference.js';
import { predictInBatches } from './predict-in-batches.js';
import type { ShardCandidate } from './shard-result.js';

/** One candidate's Tc under every member of an ensemble, summarised. */
export interface TcEnsembleStats {
  slot: number;
  meanKelvin: number;
  /** Sample standard deviation (n − 1): the members are a sample of the models training could give. */
  sdKelvin: number;
  members: number;
}

/**
 * Re-predicts each candidate's integer formula (the composition `tcKelvin` is predicted on) with
 * every ensemble member, after the optimisation: the loop follows one model, and the spread of
 * several says how far to trust where it ended. Candidates without an integer form are skipped.
 */
export function predictTcEnsemble(
  members: readonly TcInference[],
  candidates: readonly ShardCandidate[],
  microBatch: number,
): TcEnsembleStats[] {
  if (members.length < 2) throw new RangeError(`a Tc ensemble needs ≥ 2 members, got ${members.length}`);
  const rounded = candidates.filter((candidate) => candidate.counts !== null);
  const x = new Float32Array(rounded.length * ELEMENT_COUNT);
  rounded.forEach((candidate, row) => {
    x.set(compositionToVector(new Map(Object.entries(candidate.counts!))), row * ELEMENT_COUNT);
  });
  const predictions = members.map((member) =>
    predictInBatches((batch) => member.predictTc(batch), x, rounded.length, microBatch),
  );
  return rounded.map((candidate, row) => {
    const values = predictions.map((tcKelvin) => tcKelvin[row]!);
    const meanKelvin = values.reduce((sum, value) => sum + value, 0) / values.length;
    const squares = values.reduce((sum, value) => sum + (value - meanKelvin) ** 2, 0);
    return {
      slot: candidate.slot,
      meanKelvin,
      sdKelvin: Math.sqrt(squares / (values.length - 1)),
      members: values.length,
    };
  });
}
