import { ELEMENT_COUNT, ELEMENTS, formatFormula } from '@kiago/shared';
import type { IntegerForm } from './integer-conversion.js';
import type { ShardModels } from './optimiser-step.js';
import { predictInBatches } from './predict-in-batches.js';
import type { ShardCandidate } from './shard-result.js';

export interface FinaliseInput {
  /** Continuous compositions, rows × 118. */
  continuous: Float32Array;
  rows: number;
  /** The base composition as 118 fractions. */
  baseVector: ArrayLike<number>;
  /** One integer form per row (integerForms() for a conversion rule). */
  forms: readonly IntegerForm[];
  models: ShardModels;
  microBatch: number;
}

export interface FinalisedCandidates {
  candidates: ShardCandidate[];
  baseTcKelvin: number;
  baseEfEvPerAtom: number;
}

const symbolOf = (e: number) => ELEMENTS[e]!.symbol;

/**
 * Integer form per candidate, then Tc and Ef predicted on both the continuous and the rounded,
 * renormalised compositions (DESIGN §5: keep both forms), and on the base.
 */
export function finaliseCandidates(input: FinaliseInput): FinalisedCandidates {
  const { continuous, rows, models, microBatch } = input;
  const { forms } = input;
  const rounded = new Float32Array(rows * ELEMENT_COUNT);
  for (let row = 0; row < rows; row++) {
    const form = forms[row];
    if (form === undefined || 'failure' in form) continue;
    const atoms = [...form.counts.values()].reduce((sum, count) => sum + count, 0);
    for (const [e, count] of form.counts) rounded[row * ELEMENT_COUNT + e] = count / atoms;
  }
  const tcContinuous = predictInBatches((x) => models.tc.predictTc(x), continuous, rows, microBatch);
  const efContinuous = predictInBatches((x) => models.ef.predictEf(x), continuous, rows, microBatch);
  const tcRounded = predictInBatches((x) => models.tc.predictTc(x), rounded, rows, microBatch);
  const efRounded = predictInBatches((x) => models.ef.predictEf(x), rounded, rows, microBatch);
  const base = Float32Array.from(input.baseVector);
  const [baseTcKelvin] = predictInBatches((x) => models.tc.predictTc(x), base, 1, 1);
  const [baseEfEvPerAtom] = predictInBatches((x) => models.ef.predictEf(x), base, 1, 1);

  const candidates = forms.map((form, slot): ShardCandidate => {
    const composition: Record<string, number> = {};
    for (let e = 0; e < ELEMENT_COUNT; e++) {
      const fraction = continuous[slot * ELEMENT_COUNT + e] ?? 0;
      if (fraction > 0) composition[symbolOf(e)] = fraction;
    }
    const common = {
      slot,
      composition,
      tcContinuousKelvin: tcContinuous[slot] ?? Number.NaN,
      efContinuousEvPerAtom: efContinuous[slot] ?? Number.NaN,
    };
    if ('failure' in form) {
      return {
        ...common,
        nUnits: null,
        counts: null,
        formula: null,
        tcKelvin: null,
        efEvPerAtom: null,
        failure: form.failure,
      };
    }
    const counts = new Map([...form.counts].map(([e, count]) => [symbolOf(e), count]));
    return {
      ...common,
      nUnits: form.nUnits,
      counts: Object.fromEntries(counts),
      formula: formatFormula(counts, { order: 'z' }),
      tcKelvin: tcRounded[slot] ?? Number.NaN,
      efEvPerAtom: efRounded[slot] ?? Number.NaN,
    };
  });
  return {
    candidates,
    baseTcKelvin: baseTcKelvin ?? Number.NaN,
    baseEfEvPerAtom: baseEfEvPerAtom ?? Number.NaN,
  };
}
