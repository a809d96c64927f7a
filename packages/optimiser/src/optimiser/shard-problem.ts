import {
  type BetaSchedule,
  type CampaignModeKind,
  type CampaignSpec,
  compositionToVector,
  ELEMENT_COUNT,
  ELEMNET_INDICES,
  fixedFractionsForBase,
  type Initialisation,
  nUnitsValues,
  optimisationElements,
  parseFormula,
  requireElement,
  SpecError,
} from '@kiago/shared';
import type { HydrideGrid } from './hydride-grid.js';

/** Everything one shard's optimisation needs, resolved from the spec and the base (DESIGN §5). */
export interface ShardProblem {
  mode: CampaignModeKind;
  base: string;
  /** The base composition as 118 fractions. */
  baseVector: Float64Array;
  /** `c`: fixed fractions added to every candidate (Σ = S < 1). */
  fixed: Float32Array;
  fixedSum: number;
  /** Indices of the fixed elements, ascending. */
  fixedIndices: number[];
  /** M_opt ⊙ M_en as 0/1. */
  optimisationMask: Float32Array;
  candidates: number;
  steps: number;
  learningRate: number;
  alpha: number;
  beta: BetaSchedule;
  /** k: elements kept by M_max, the fixed ones included. */
  maxElements: number;
  /** Nset, ascending. */
  nValues: number[];
  initialisation: Initialisation;
  /** Hydride mode: the grid that keeps every candidate a hydride (hydride-grid.ts); null otherwise. */
  hydride: HydrideGrid | null;
}

export interface ShardProblemOverrides {
  candidates?: number | undefined;
  steps?: number | undefined;
  initialisation?: Initialisation | undefined;
}

/** Resolves one shard of `spec`; `base` must be one of `spec.bases` (their cross-field rules were checked). */
export function resolveShardProblem(
  spec: CampaignSpec,
  base: string,
  overrides: ShardProblemOverrides = {},
): ShardProblem {
  if (!spec.bases.includes(base)) {
    throw new SpecError('optimiseShard', [
      { path: 'base', message: `${base} is not one of the spec's bases (${spec.bases.join(', ')})` },
    ]);
  }
  const fixed = new Float32Array(ELEMENT_COUNT);
  let fixedSum = 0;
  for (const [symbol, fraction] of Object.entries(fixedFractionsForBase(spec, base))) {
    fixed[requireElement(symbol).z - 1] = fraction;
    fixedSum += fraction;
  }
  const optimisationMask = new Float32Array(ELEMENT_COUNT);
  for (const symbol of optimisationElements(spec, base)) optimisationMask[requireElement(symbol).z - 1] = 1;
  // optimisationElements already keeps ElemNet inputs only; M_en applied again documents the intent.
  const elemNet = new Set(ELEMNET_INDICES);
  for (let e = 0; e < ELEMENT_COUNT; e++) if (!elemNet.has(e)) optimisationMask[e] = 0;
  return {
    mode: spec.mode.kind,
    base,
    baseVector: compositionToVector(parseFormula(base)),
    fixed,
    fixedSum,
    fixedIndices: Array.from(fixed.keys()).filter((e) => (fixed[e] ?? 0) > 0),
    optimisationMask,
    candidates: overrides.candidates ?? spec.candidatesPerShard,
    steps: overrides.steps ?? spec.steps,
    learningRate: spec.learningRate,
    alpha: spec.alpha,
    beta: spec.beta,
    maxElements: spec.maxElements,
    nValues: nUnitsValues(spec.nUnits),
    initialisation: overrides.initialisation ?? spec.initialisation,
    hydride:
      spec.mode.kind === 'hydride'
        ? {
            hydrogenIndex: requireElement('H').z - 1,
            minHydrogenFraction: spec.mode.minHydrogenFraction,
            maxAtoms: spec.mode.maxAtoms,
          }
        : null,
  };
}
