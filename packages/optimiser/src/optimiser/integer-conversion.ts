import { ELEMENT_COUNT } from '@kiago/shared';
import { bestHydrideForm } from './hydride-grid.js';
import { bestNUnits, roundedCounts } from './integer-grid.js';
import type { ShardProblem } from './shard-problem.js';
import type { CandidateFailure } from './shard-result.js';
import { substitutionCounts } from './substitution-counts.js';

/** Element index → atoms at `nUnits`. */
export type IntegerForm = { nUnits: number; counts: Map<number, number> } | { failure: CandidateFailure };

/** Turns one continuous composition (118 fractions) into an integer formula. */
export type IntegerConversion = (x: Float32Array) => IntegerForm;

function checked(
  x: Float32Array,
  convert: (x: Float32Array) => { nUnits: number; counts: Map<number, number> } | CandidateFailure,
): IntegerForm {
  if (x.length !== ELEMENT_COUNT || !x.every(Number.isFinite)) return { failure: 'non-finite-composition' };
  const form = convert(x);
  if (typeof form === 'string') return { failure: form };
  return form.counts.size === 0 ? { failure: 'empty-integer-formula' } : form;
}

/**
 * KIAGO's conversion (DESIGN §5): N* = argmin_N Lint_N(x) over Nset, counts round(x·N*), zeros
 * dropped. Substitution keeps the preserved part exact (see substitutionCounts); hydride mode uses
 * its own grid (hydride-grid.ts), so no candidate becomes pure H or leaves the hydride range.
 */
export function integerLossConversion(problem: ShardProblem): IntegerConversion {
  const { hydride } = problem;
  return (x) =>
    checked(x, (values) => {
      if (hydride) return bestHydrideForm(values, problem.nValues, hydride) ?? 'no-hydride-integer-form';
      if (problem.mode === 'substitution') {
        const exact = substitutionCounts(values, problem.fixed, problem.fixedIndices, problem.nValues);
        if (exact) return exact;
      }
      const nUnits = bestNUnits(values, problem.nValues);
      return { nUnits, counts: roundedCounts(values, nUnits) };
    });
}

/** The rule-based baseline: counts round(x·maxAtoms) (N = maxAtoms for every candidate). */
export function ruleBasedConversion(maxAtoms: number): IntegerConversion {
  if (!(Number.isInteger(maxAtoms) && maxAtoms >= 1)) {
    throw new RangeError(`ruleBasedConversion: maxAtoms ${maxAtoms} is not a positive integer`);
  }
  return (x) => checked(x, (values) => ({ nUnits: maxAtoms, counts: roundedCounts(values, maxAtoms) }));
}

/** Applies `convert` to every row of a rows × 118 matrix. */
export function integerForms(
  continuous: Float32Array,
  rows: number,
  convert: IntegerConversion,
): IntegerForm[] {
  return Array.from({ length: rows }, (_, row) =>
    convert(continuous.subarray(row * ELEMENT_COUNT, (row + 1) * ELEMENT_COUNT)),
  );
}
